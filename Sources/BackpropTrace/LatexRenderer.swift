import BackpropEngine
import Localization

/// The trace as a LaTeX Beamer document for slides: a title frame with the opening
/// lines, then one frame per equation (its formula, then the numbers as `bmatrix`es
/// labelled with name and shape) and one per paragraph. Needs `amsmath` only;
/// compile with `pdflatex`. The Chinese document (`language: .simplifiedChinese`) also
/// loads `ctex` for its CJK text; compile it with `xelatex`.
public struct LatexRenderer: Sendable {
    /// The language of the document's prose.
    public var language: Language

    public init(language: Language = .english) {
        self.language = language
    }

    /// The document in chunks: preamble, one frame per block, end.
    public func chunks(_ document: TraceDocument) -> [TraceChunk] {
        let title = Notation.latexText.spell(document.title)
        var chunks = [TraceChunk("""
        \\documentclass{beamer}
        \\usepackage{amsmath}\(language == .english ? "" : "\n\\usepackage{ctex}")
        \\setbeamertemplate{navigation symbols}{}
        \\title{\(title)}
        \\begin{document}

        """)]
        for section in document.sections {
            let frameTitle = section.title.map(Notation.latexText.spell) ?? title
            for block in section.blocks {
                switch block {
                case .paragraph(let lines):
                    let body = lines.map(Notation.latexText.spell).joined(separator: "\\\\\n")
                    chunks.append(TraceChunk(frame(frameTitle, "\\small\n" + body)))
                case .equation(let equation):
                    chunks.append(TraceChunk(frame(frameTitle, equationBody(equation)), isEquation: true))
                }
            }
        }
        chunks.append(TraceChunk("\\end{document}\n"))
        return chunks
    }

    private func frame(_ title: String, _ body: String) -> String {
        "\\begin{frame}{\(title)}\n\(body)\n\\end{frame}\n\n"
    }

    private func equationBody(_ equation: TraceEquation) -> String {
        let label = equation.label.map { "\\textbf{\(Notation.latexText.spell($0))}: " } ?? ""
        let note = equation.note.map { " \\quad (\(Notation.latexText.spell($0)))" } ?? ""
        var body = "\(label)\\(\(Notation.latexMath.spell(equation.formula))\\)\(note)\n"
        for row in equation.rows {
            body += "\\[\n\\scriptstyle " + row.map(term).joined(separator: " ") + "\n\\]\n"
        }
        return body
    }

    private func term(_ term: TraceTerm) -> String {
        switch term {
        case .symbol(let symbol):
            return Notation.latexMath.spell(symbol)
        case .matrix(let name, let m):
            let cells = MatrixWindow(m).cells(m, number: NumberFormat.latexCell, horizontal: "\\cdots", vertical: "\\vdots", diagonal: "\\ddots")
            let rows = cells.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ")
            let label = "\\text{\(Notation.latexText.spell(name)) (\(m.rows)\\(\\times\\)\(m.columns))}"
            return "\\underbrace{\\begin{bmatrix} \(rows) \\end{bmatrix}}_{\(label)}"
        }
    }
}
