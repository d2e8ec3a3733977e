/// A titled part of the trace: forward pass, backward pass, mini-batch, check.
public struct TraceSection: Sendable {
    /// The heading, or `nil` for the opening lines.
    public var title: String?
    /// Paragraphs and equations.
    public var blocks: [TraceBlock]

    public init(title: String?, blocks: [TraceBlock]) {
        self.title = title
        self.blocks = blocks
    }
}
