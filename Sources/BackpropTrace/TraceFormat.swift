import Localization

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
    /// One self-contained HTML page to project and step through (`HTMLRenderer`).
    case html
    /// The network drawing with the whole trace's values, for slides (`NetworkDrawing`).
    case svg

    /// `trace` in this format, in chunks for step mode. `ascii` and `color` apply to
    /// text; `language` is the language of the prose (JSON is the same in every language).
    public func chunks(_ trace: TracedBackprop, ascii: Bool = false, color: Bool = false, language: Language = .english) -> [TraceChunk] {
        switch self {
        case .text: TextRenderer(ascii: ascii, color: color).chunks(TraceDocument(trace, language: language))
        case .markdown: MarkdownRenderer().chunks(TraceDocument(trace, language: language))
        case .latex: LatexRenderer(language: language).chunks(TraceDocument(trace, language: language))
        case .json: [TraceChunk(JSONRenderer.render(trace))]
        case .html: [TraceChunk(HTMLRenderer(text: .of(language)).render(trace))]
        case .svg: [TraceChunk(TracePicture.svg(trace, text: .of(language)) + "\n")]
        }
    }
}
