/// The trace as Markdown for notes and handouts: headings, prose, and each equation as
/// its formula followed by the aligned matrices of the text format in a `text` block.
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// The document in chunks, one per heading, paragraph and equation.
    public func chunks(_ document: TraceDocument) -> [TraceChunk] {
        var chunks = [TraceChunk("# \(document.title)\n")]
        let layout = EquationLayout(notation: .unicode)
        for section in document.sections {
            if let title = section.title { chunks.append(TraceChunk("\n## \(title)\n")) }
            for block in section.blocks {
                switch block {
                case .paragraph(let lines):
                    chunks.append(TraceChunk(lines.map { "\n" + $0 + "\n" }.joined()))
                case .equation(let equation):
                    let label = equation.label.map { "**\($0)**: " } ?? ""
                    let note = equation.note.map { " — \($0)" } ?? ""
                    var text = "\n\(label)\(equation.formula)\(note)\n\n```text\n"
                    text += equation.rows.map { layout.lines($0).joined(separator: "\n") }.joined(separator: "\n\n")
                    text += "\n```\n"
                    chunks.append(TraceChunk(text, isEquation: true))
                }
            }
        }
        return chunks
    }
}
