/// The last bytes a program wrote to standard error, kept within a fixed size however
/// much it writes: a program that floods stderr costs us `limit` bytes of memory.
public struct StderrTail: Sendable {
    /// The most bytes kept.
    public let limit: Int
    /// Every byte seen, including those no longer kept.
    public private(set) var totalBytes = 0
    private var bytes: [UInt8] = []

    public init(limit: Int) {
        self.limit = max(limit, 1)
    }

    /// Appends `chunk`, dropping the oldest bytes beyond `limit`.
    public mutating func append(_ chunk: ArraySlice<UInt8>) {
        totalBytes += chunk.count
        bytes.append(contentsOf: chunk.suffix(limit))
        if bytes.count > limit { bytes.removeFirst(bytes.count - limit) }
    }

    /// The last `lines` non-empty lines kept, joined by newlines (invalid UTF-8 repaired).
    public func lastLines(_ lines: Int) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines)
        return kept.joined(separator: "\n")
    }
}
