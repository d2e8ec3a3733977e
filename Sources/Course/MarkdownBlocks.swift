import Foundation

/// A fenced code block of a Markdown file: its info string, its lines and where it is.
public struct FencedBlock: Sendable, Equatable {
    /// The info string after the opening fence, e.g. `console slow`.
    public var info: String
    /// The lines between the fences.
    public var lines: [String]
    /// The 1-based line of the opening fence.
    public var openingLine: Int
    /// The 1-based line of the closing fence (the last line of the file if unclosed).
    public var closingLine: Int
    /// Whether a closing fence was found.
    public var isClosed: Bool

    /// The words of the info string, e.g. `["console", "slow"]`.
    public var infoWords: [String] { info.split(whereSeparator: \.isWhitespace).map(String.init) }

    /// Every fenced block of `text` (CommonMark's ``` and ~~~ fences, indented at most
    /// three spaces; a block closes at a fence of the same character at least as long),
    /// plus the lines outside any block with their 1-based line numbers.
    public static func scan(_ text: String) -> (blocks: [FencedBlock], prose: [(line: Int, text: String)]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var blocks: [FencedBlock] = []
        var prose: [(line: Int, text: String)] = []
        var open: (fence: Character, length: Int, block: FencedBlock)?
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if var current = open {
                if let fence = Fence(line), fence.character == current.fence,
                   fence.length >= current.length, fence.info.isEmpty {
                    current.block.closingLine = number
                    current.block.isClosed = true
                    blocks.append(current.block)
                    open = nil
                } else {
                    current.block.lines.append(line)
                    open = current
                }
            } else if let fence = Fence(line), !(fence.character == "`" && fence.info.contains("`")) {
                open = (fence.character, fence.length,
                        FencedBlock(info: fence.info, lines: [], openingLine: number, closingLine: number, isClosed: false))
            } else {
                prose.append((number, line))
            }
        }
        if var unclosed = open?.block {
            unclosed.closingLine = lines.count
            blocks.append(unclosed)
        }
        return (blocks, prose)
    }
}

/// A line that opens or closes a fenced block.
private struct Fence {
    var character: Character
    var length: Int
    var info: String

    init?(_ line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let run = rest.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        character = first
        length = run
        info = rest.dropFirst(run).trimmingCharacters(in: .whitespaces)
    }
}
