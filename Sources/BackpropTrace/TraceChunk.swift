/// A piece of rendered output: what step mode prints before it may pause.
public struct TraceChunk: Sendable, Equatable {
    /// The text, including its final newline.
    public var text: String
    /// Whether this chunk is an equation (step mode pauses after equations).
    public var isEquation: Bool

    public init(_ text: String, isEquation: Bool = false) {
        self.text = text
        self.isEquation = isEquation
    }
}

extension Array where Element == TraceChunk {
    /// All chunks as one string.
    public var joinedText: String { map(\.text).joined() }
}
