/// A trace laid out for people, independent of the output format: sections of
/// paragraphs and equations, all text in Unicode book notation (δ³, (w³)ᵀ, σ′(z²)).
/// `TextRenderer`, `MarkdownRenderer` and `LatexRenderer` print it; `Notation` spells
/// it in ASCII or LaTeX where needed.
public struct TraceDocument: Sendable {
    /// The first line.
    public var title: String
    /// The sections, in order.
    public var sections: [TraceSection]

    public init(title: String, sections: [TraceSection]) {
        self.title = title
        self.sections = sections
    }
}
