import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("TextRenderer: colour only when asked, ASCII when asked")
struct TextRendererTests {
    static func chunks(ascii: Bool, color: Bool) throws -> [TraceChunk] {
        TraceFormat.text.chunks(try TraceRequest().makeTrace(), ascii: ascii, color: color)
    }

    @Test("colour adds ANSI escapes to headings; without it there are none")
    func color() throws {
        #expect(try Self.chunks(ascii: false, color: true).joinedText.contains("\u{1B}[1m"))
        #expect(!(try Self.chunks(ascii: false, color: false).joinedText.contains("\u{1B}[")))
    }

    @Test("one chunk per equation: 4 forward, BP1 + 2×(BP3, BP4) + BP2 in the backward pass")
    func equations() throws {
        let equations = try Self.chunks(ascii: true, color: false).filter(\.isEquation)
        #expect(equations.count == 4 + 1 + 2 + 2 + 1)
    }
}
