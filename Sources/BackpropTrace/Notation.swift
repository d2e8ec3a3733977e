import Localization

/// The three spellings of the book's notation the trace is printed in.
///
/// The trace document is written once, in Unicode (δ³, (w³)ᵀ, ∂C/∂b², σ′(z²) …);
/// `Notation` turns that text into plain ASCII for terminals without Unicode fonts,
/// or into LaTeX for slides. Superscript and subscript runs become one group each:
/// `aˡ⁻¹` is `a^(l-1)` in ASCII and `a^{l-1}` in LaTeX.
public enum Notation: Sendable {
    /// Unicode, as written.
    case unicode
    /// Seven-bit ASCII: `delta^3`, `(w^3)^T`, `sigma'(z^2)`.
    case ascii
    /// LaTeX math mode: `\delta^{3}`, `(w^{3})^{T}`, `\sigma'(z^{2})`.
    case latexMath
    /// LaTeX text mode: ASCII text escaped, each math symbol run in `\( … \)`.
    case latexText

    /// `text` in this notation.
    public func spell(_ text: String) -> String {
        switch self {
        case .unicode: return text
        case .ascii: return Self.transliterate(text, latex: false)
        case .latexMath: return Self.transliterate(text, latex: true)
        case .latexText: return Self.latexText(text)
        }
    }

    // MARK: Tables

    /// Superscript characters and what they stand for.
    static let superscripts: [Character: String] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁺": "+", "⁻": "-", "ˡ": "l", "ᴸ": "L", "ᵀ": "T", "ᵐ": "m", "ⁿ": "n",
    ]

    /// Subscript characters and what they stand for.
    static let subscripts: [Character: String] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "₋": "-", "ₐ": "a", "ₓ": "x", "ⱼ": "j", "ₖ": "k", "ₗ": "l", "ₘ": "m",
    ]

    /// Other symbols: (ASCII, LaTeX math).
    static let symbols: [Character: (ascii: String, latex: String)] = [
        "δ": ("delta", "\\delta "), "σ": ("sigma", "\\sigma "), "η": ("eta", "\\eta "),
        "∇": ("nabla ", "\\nabla "), "∂": ("d", "\\partial "), "Σ": ("sum ", "\\sum "),
        "′": ("'", "'"), "⊙": ("(.)", "\\odot "), "·": ("*", "\\cdot "), "×": ("x", "\\times "),
        "−": ("-", "-"), "→": ("->", "\\to "), "≈": ("~", "\\approx "), "≤": ("<=", "\\le "),
        "≥": (">=", "\\ge "), "½": ("1/2", "\\tfrac12 "), "‖": ("||", "\\|"), "…": ("...", "\\dots "),
        "—": ("--", "\\text{---}"), "─": ("-", "-"), "ε": ("eps", "\\varepsilon "), "ℓ": ("l", "\\ell "),
        "λ": ("lambda", "\\lambda "), "∈": ("in", "\\in "), "≠": ("!=", "\\ne "),
    ]

    // MARK: Conversion

    private static func transliterate(_ text: String, latex: Bool) -> String {
        var out = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let isSuperscript = superscripts[c] != nil
            if isSuperscript || subscripts[c] != nil {
                let table = isSuperscript ? superscripts : subscripts
                var run = ""
                while i < chars.count, let s = table[chars[i]] {
                    run += s
                    i += 1
                }
                let mark = isSuperscript ? "^" : "_"
                if latex {
                    out += "\(mark){\(run)}"
                } else {
                    out += run.count == 1 ? mark + run : "\(mark)(\(run))"
                    // "wˡaˡ⁻¹" is "w^l a^(l-1)": keep the next symbol off the script.
                    if i < chars.count, chars[i].isLetter || chars[i].isNumber || symbols[chars[i]] != nil, chars[i] != "′" { out += " " }
                }
                continue
            }
            if let symbol = symbols[c] {
                out += latex ? symbol.latex : symbol.ascii
            } else if c.isASCII {
                out.append(latex && "%#&".contains(c) ? "\\\(c)" : String(c))
            } else if !latex, DisplayWidth.isWide(c) {
                // Chinese prose (--lang zh-Hans) stays as it is: only symbols are spelled out.
                out.append(c)
            } else {
                out += "?"
            }
            i += 1
        }
        return out
    }

    /// Text mode: ASCII is escaped, runs of non-ASCII symbols (with the letters their
    /// scripts attach to) go into `\( … \)` math.
    private static func latexText(_ text: String) -> String {
        var out = ""
        var math = ""
        func flush() {
            if !math.isEmpty { out += "\\(" + transliterate(math, latex: true) + "\\)" }
            math = ""
        }
        let chars = Array(text)
        for (index, c) in chars.enumerated() {
            let next = index + 1 < chars.count ? chars[index + 1] : " "
            let isScript = superscripts[c] != nil || subscripts[c] != nil
            let startsScript = c.isLetter && c.isASCII && (superscripts[next] != nil || subscripts[next] != nil)
            if DisplayWidth.isWide(c) {
                // Chinese prose is text, not math (the Chinese document loads ctex).
                flush()
                out.append(c)
            } else if !c.isASCII || isScript || startsScript {
                math.append(c)
            } else {
                flush()
                // "--format" must not become an en dash.
                out += c == "-" && next == "-" ? "-{}" : escapeLatexText(c)
            }
        }
        flush()
        return out
    }

    private static func escapeLatexText(_ c: Character) -> String {
        switch c {
        case "\\": "\\textbackslash{}"
        case "{", "}", "#", "$", "%", "&", "_": "\\\(c)"
        case "~": "\\textasciitilde{}"
        case "^": "\\textasciicircum{}"
        default: String(c)
        }
    }
}
