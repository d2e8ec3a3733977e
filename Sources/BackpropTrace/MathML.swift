import BackpropEngine

/// The trace's equations as MathML (brackets around matrices are the page's CSS borders,
/// which need no math font), which current browsers render without any
/// library: the formula in the book's notation (`δ² = ((w³)ᵀδ³) ⊙ σ′(z²)` with real
/// superscripts), and each row of numbers as bracketed tables, each labelled below
/// with its name and shape, e.g. `w² (3×2)`. Large matrices are cut as the text trace
/// cuts them (`MatrixWindow`).
///
/// Every number is an `<mn class="num" data-v="…">` whose text is `NumberFormat.cell`
/// (what the text trace prints) and whose `data-v` is the Double in shortest
/// round-trip form, so tests can compare the page with `--format json` exactly.
public enum MathML {
    /// `<math display="block">…</math>` around `body`.
    public static func block(_ body: String) -> String {
        "<math display=\"block\">\(body)</math>"
    }

    /// A number as the page shows it.
    public static func number(_ v: Double) -> String {
        "<mn class=\"num\" data-v=\"\(v.description)\">\(NumberFormat.cell(v))</mn>"
    }

    /// Book-notation text (`z² = w²a¹ + b²`) as MathML tokens: letters as `<mi>`, digits
    /// as `<mn>`, the rest as `<mo>`, superscript and subscript runs as `<msup>`/`<msub>`.
    public static func formula(_ text: String) -> String {
        let chars = Array(text)
        var out = "<mrow>"
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " {
                i += 1
                continue
            }
            var base: String
            if c.isNumber, c.isASCII || c == "½" {
                var digits = String(c)
                while i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber || chars[i + 1] == "." {
                    i += 1
                    digits.append(chars[i])
                }
                base = "<mn>\(escape(digits))</mn>"
            } else if c.isLetter && Notation.superscripts[c] == nil && Notation.subscripts[c] == nil {
                base = "<mi>\(escape(String(c)))</mi>"
            } else if c == "/" {
                base = "<mo lspace=\"0\" rspace=\"0\">/</mo>"
            } else {
                base = "<mo>\(escape(String(c)))</mo>"
            }
            i += 1
            var sub = "", sup = ""
            while i < chars.count {
                if let s = Notation.subscripts[chars[i]] { sub += s } else if let s = Notation.superscripts[chars[i]] { sup += s } else { break }
                i += 1
            }
            out += script(base, sub: sub, sup: sup)
        }
        return out + "</mrow>"
    }

    /// One row of an equation: matrices with brackets, names and shapes; operators.
    static func row(_ terms: [TraceTerm]) -> String {
        "<mrow>" + terms.map { term -> String in
            switch term {
            case .symbol(let symbol): return formula(symbol)
            case .matrix(let name, let m): return matrix(name: name, m)
            }
        }.joined(separator: "<mspace width=\"0.4em\"/>") + "</mrow>"
    }

    /// A bracketed matrix with its name and shape below.
    static func matrix(name: String, _ m: Matrix) -> String {
        let window = MatrixWindow(m)
        let cells = window.rows.map { j in
            "<mtr>" + window.columns.map { k -> String in
                switch (j, k) {
                case let (j?, k?): "<mtd>\(number(m[j, k]))</mtd>"
                case (_?, nil): "<mtd><mo>⋯</mo></mtd>"
                case (nil, _?): "<mtd><mo>⋮</mo></mtd>"
                case (nil, nil): "<mtd><mo>⋱</mo></mtd>"
                }
            }.joined() + "</mtr>"
        }.joined()
        let body = "<mtable class=\"matrix\">\(cells)</mtable>"
        let label = "<mrow>\(formula(name))<mtext class=\"shape\">&#160;(\(m.rows)×\(m.columns))</mtext></mrow>"
        return "<munder>\(body)\(label)</munder>"
    }

    private static func script(_ base: String, sub: String, sup: String) -> String {
        let subML = sub.isEmpty ? "" : tokens(sub)
        let supML = sup.isEmpty ? "" : tokens(sup)
        switch (sub.isEmpty, sup.isEmpty) {
        case (true, true): return base
        case (false, true): return "<msub>\(base)\(subML)</msub>"
        case (true, false): return "<msup>\(base)\(supML)</msup>"
        case (false, false): return "<msubsup>\(base)\(subML)\(supML)</msubsup>"
        }
    }

    private static func tokens(_ text: String) -> String {
        if text.allSatisfy(\.isNumber) { return "<mn>\(text)</mn>" }
        if text.allSatisfy(\.isLetter) { return "<mi>\(text)</mi>" }
        return "<mrow>" + text.map { c in c.isNumber ? "<mn>\(c)</mn>" : c.isLetter ? "<mi>\(c)</mi>" : "<mo>\(c == "-" ? "−" : String(c))</mo>" }.joined() + "</mrow>"
    }
}

/// `text` escaped for HTML and XML text and attributes.
public func escapeMarkup(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}

private func escape(_ text: String) -> String { escapeMarkup(text) }
