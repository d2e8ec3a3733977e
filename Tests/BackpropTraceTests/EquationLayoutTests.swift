import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("EquationLayout: aligned matrices with their shapes")
struct EquationLayoutTests {
    @Test("matrices line up, shapes in the names, the operator on the (upper) middle row")
    func layout() throws {
        let w = try #require(Matrix(rowList: [[1, -2], [0.5, 3]]))
        let lines = EquationLayout(notation: .unicode).lines([.matrix(name: "w²", value: w), .symbol("·"), .column("a¹", [1, 0])])
        #expect(lines == [
            "w² (2×2)                    a¹ (2×1)",
            "⎡ 1.000000  -2.000000 ⎤  ·  ⎡ 1.000000 ⎤",
            "⎣ 0.500000   3.000000 ⎦     ⎣ 0.000000 ⎦",
        ])
    }

    @Test("a long matrix is cut to the window, with its full shape in the name")
    func window() throws {
        let m = try #require(Matrix(rows: 20, columns: 30, elements: (0..<600).map(Double.init)))
        let lines = EquationLayout(notation: .ascii).lines([.matrix(name: "w²", value: m)])
        #expect(lines.first == "w^2 (20x30)")
        #expect(lines.count == 1 + MatrixWindow.limit)
        #expect(lines.contains { $0.contains("...") })
        #expect(lines.last?.contains("599.000000") == true)
    }
}
