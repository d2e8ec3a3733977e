/// The output formats of `backprop-trace`.
public enum TraceFormat: String, CaseIterable, Sendable {
    /// Unicode text for a terminal (`--ascii` for plain ASCII).
    case text
    /// Markdown for notes.
    case markdown
    /// A LaTeX Beamer document for slides.
    case latex
    /// JSON for scripts.
    case json

    /// `trace` in this format, in chunks for step mode. `ascii` and `color` apply to text.
    public func chunks(_ trace: BackpropTrace, ascii: Bool = false, color: Bool = false) -> [TraceChunk] {
        switch self {
        case .text: TextRenderer(ascii: ascii, color: color).chunks(TraceDocument(trace))
        case .markdown: MarkdownRenderer().chunks(TraceDocument(trace))
        case .latex: LatexRenderer().chunks(TraceDocument(trace))
        case .json: [TraceChunk(JSONRenderer.render(trace))]
        }
    }
}
