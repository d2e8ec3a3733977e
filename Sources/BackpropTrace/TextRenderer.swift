import Rendering

/// The trace as text for a terminal: Unicode book notation (or ASCII with
/// `notation: .ascii`), aligned matrices with their shapes, and bold/cyan headings
/// when `color` is on (only when standard output is a terminal).
public struct TextRenderer: Sendable {
    /// `.unicode` or `.ascii`.
    public var notation: Notation
    /// Whether to add ANSI colour to headings and equation labels.
    public var color: Bool

    public init(ascii: Bool = false, color: Bool = false) {
        notation = ascii ? .ascii : .unicode
        self.color = color
    }

    /// The document in chunks: the opening, then one chunk per heading, paragraph and
    /// equation.
    public func chunks(_ document: TraceDocument) -> [TraceChunk] {
        var chunks = [TraceChunk(paint(notation.spell(document.title), bold: true) + "\n")]
        for section in document.sections {
            if let title = section.title {
                let text = notation.spell(title)
                let rule = String(repeating: notation == .ascii ? "-" : "─", count: displayWidth(text))
                chunks.append(TraceChunk("\n" + paint(text, bold: true) + "\n" + rule + "\n"))
            }
            for block in section.blocks {
                switch block {
                case .paragraph(let lines):
                    let gap = chunks.last?.isEquation == true ? "\n" : ""
                    chunks.append(TraceChunk(gap + lines.map { notation.spell($0) + "\n" }.joined()))
                case .equation(let equation):
                    chunks.append(TraceChunk(equationText(equation), isEquation: true))
                }
            }
        }
        return chunks
    }

    /// One equation: `label: formula`, then its rows of numbers, each followed by a blank line.
    func equationText(_ equation: TraceEquation) -> String {
        let label = equation.label.map { paint(notation.spell($0), bold: false) + ": " } ?? ""
        let note = equation.note.map { "   (" + notation.spell($0) + ")" } ?? ""
        var text = "\n" + label + notation.spell(equation.formula) + note + "\n"
        let layout = EquationLayout(notation: notation)
        for row in equation.rows {
            text += "\n" + layout.lines(row).map { "  " + $0 }.map { $0 == "  " ? "" : $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    private func paint(_ text: String, bold: Bool) -> String {
        guard color else { return text }
        return (bold ? "\u{1B}[1m" : "\u{1B}[36m") + text + "\u{1B}[0m"
    }
}
