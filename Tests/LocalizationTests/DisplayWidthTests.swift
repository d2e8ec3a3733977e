import Localization
import Rendering
import Testing

@Suite("Display width: a CJK character takes two terminal columns")
struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.columns("") == 0)
        #expect(DisplayWidth.columns("epoch") == 5)
        #expect(DisplayWidth.columns("迭代期") == 6)
        #expect(DisplayWidth.columns("S 型神经元") == 10)
        #expect(DisplayWidth.columns("（代价函数），。") == 16)
        // Symbols of the book's notation and the tables' rules are one column each.
        #expect(DisplayWidth.columns("wˡⱼₖ δˡ η ∇C ‖ ─ │ ✓") == 20)
        // A combining mark takes none: e + U+0301.
        #expect(DisplayWidth.columns("e\u{301}") == 1)
    }

    @Test("TextTable lines up columns holding Chinese")
    func tablesAlignWithChinese() {
        var table = TextTable(header: ["术语", "english", "n"])
        table.append(["小批量", "mini-batch", "10"])
        table.append(["S 型神经元", "sigmoid neuron", "1"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines == [
            "术语        english          n",
            "──────────  ──────────────  ──",
            "小批量      mini-batch      10",
            "S 型神经元  sigmoid neuron   1",
        ])
    }
}
