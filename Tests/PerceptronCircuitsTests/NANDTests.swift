import BackpropEngine
import Testing
@testable import PerceptronCircuits

@Suite("NAND perceptron")
struct NANDTests {
    @Test("truth table is NAND with the chapter's arithmetic")
    func truthTable() {
        let rows = NAND.truthTable()
        #expect(rows.map { [$0.x1, $0.x2, $0.output] } == [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 0]])
        #expect(rows.map(\.weightedInput) == [3, 1, 1, -1])
        #expect(rows[1].arithmetic == "(−2)·0 + (−2)·1 + 3 = 1 > 0 → 1")
        #expect(rows[3].arithmetic == "(−2)·1 + (−2)·1 + 3 = −1 ≤ 0 → 0")
    }

    @Test("step is 1 only for z > 0")
    func stepFunction() {
        #expect(step(0) == 0)
        #expect(step(1e-300) == 1)
        #expect(step(-1) == 0)
        #expect(Activation.step(Vector([-1, 0, 2])) == Vector([0, 0, 1]))
    }
}
