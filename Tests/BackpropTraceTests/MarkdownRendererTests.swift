import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("MarkdownRenderer: headings and text blocks")
struct MarkdownRendererTests {
    @Test("Markdown: one heading per section, every equation in a closed text block")
    func markdown() throws {
        let document = TraceDocument(try LatexRendererTests.trace(cost: .quadratic))
        let text = MarkdownRenderer().chunks(document).joinedText
        #expect(text.hasPrefix("# Backpropagation step by step"))
        #expect(text.components(separatedBy: "\n## ").count - 1 == document.sections.filter { $0.title != nil }.count)
        #expect(text.components(separatedBy: "```text\n").count - 1 == text.components(separatedBy: "\n```\n").count - 1)
    }
}
