import BackpropEngine
import Testing
@testable import PerceptronCircuits

@Suite("Two-bit adder from NAND perceptrons")
struct TwoBitAdderTests {
    @Test("sum and carry equal x1 + x2 on all four inputs, in both wirings", arguments: TwoBitAdder.CarryWiring.allCases)
    func addsBits(wiring: TwoBitAdder.CarryWiring) {
        let adder = TwoBitAdder.circuit(carry: wiring)
        for x1 in 0...1 {
            for x2 in 0...1 {
                let out = adder.evaluate(Vector([Double(x1), Double(x2)]))
                #expect(out == Vector([Double((x1 + x2) % 2), Double((x1 + x2) / 2)]))
            }
        }
        #expect(adder.neuronCount == 5)
        #expect(adder.layers.count == 3)
    }

    @Test("two −2 connections from n1 form the same weight matrix as one −4")
    func doubledConnection() {
        let doubled = TwoBitAdder.circuit(carry: .doubled)
        let single = TwoBitAdder.circuit(carry: .single)
        #expect(doubled.layers == single.layers)
        #expect(doubled.formula(of: "carry") == "carry = step(−2·n1 − 2·n1 + 3)")
        #expect(single.formula(of: "carry") == "carry = step(−4·n1 + 3)")
        #expect(TwoBitAdder.table().allSatisfy { $0.correct })
    }

    @Test("any single carry weight ≤ −3 works, anything above fails", arguments: [(-3.0, true), (-10, true), (-2.5, false), (1, false)])
    func carryWeights(weight: Double, works: Bool) {
        #expect(TwoBitAdder.table(singleWeight: weight).allSatisfy { $0.correct } == works)
    }
}
