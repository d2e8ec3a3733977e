import Testing
@testable import Rendering

@Suite("TextTable and the progress bar")
struct TextTableTests {
    @Test("columns line up; numbers align right")
    func alignment() {
        var table = TextTable(header: ["layer", "kind", "error"])
        table.append(["2", "w", "1.5e-10"])
        table.append(["10", "bias", "3"])
        #expect(table.render() == """
        layer  kind    error
        ─────  ────  ───────
            2  w     1.5e-10
           10  bias        3
        """)
        #expect(table.render(markdown: true).split(separator: "\n").first == "| layer | kind |   error |")
    }

    @Test("the progress bar shows the fraction done")
    func progress() {
        let bar = ProgressBar(total: 200, width: 10, enabled: false)
        #expect(bar.line(100) == "[█████·····]  50%  100/200")
    }
}
