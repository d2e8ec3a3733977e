import BackpropEngine
import Testing
@testable import PerceptronCircuits

@Suite("Ripple-carry adder from NAND perceptrons")
struct RippleCarryAdderTests {
    @Test("adds every pair of n-bit numbers exactly, n = 1…8", arguments: 1...8)
    func exhaustive(bits: Int) throws {
        let adder = try RippleCarryAdder(bits: bits)
        var generator = SeededGenerator(seed: 1)
        let check = adder.check(generator: &generator)
        #expect(check.exhaustive)
        #expect(check.pairsChecked == 1 << (2 * bits))
        #expect(check.mismatches == 0)
        #expect(check.perceptrons == 9 * bits - 4)
        #expect(check.layers == (bits == 1 ? 3 : 2 * bits + 2))
    }

    @Test("wide adders are checked on random pairs")
    func sampled() throws {
        let adder = try RippleCarryAdder(bits: 32)
        var generator = SeededGenerator(seed: 7)
        let check = adder.check(samples: 50, generator: &generator)
        #expect(!check.exhaustive && check.pairsChecked == 50 && check.mismatches == 0)
        #expect(adder.add(0xFFFF_FFFF, 1) == 1 << 32)
    }

    @Test("widths outside 1…32 are refused, not overflowed", arguments: [0, -1, 33, 1000, Int.max])
    func badWidth(bits: Int) {
        #expect(throws: RippleCarryAdder.WidthError.self) { try RippleCarryAdder(bits: bits) }
    }

    @Test("a broken gate is caught by the check")
    func checkCanFail() throws {
        var adder = try RippleCarryAdder(bits: 2)
        var broken = adder.circuit
        broken.layers[0].biases[0] = 5  // t0 now always fires
        adder = RippleCarryAdder(bits: 2, circuit: broken)
        var generator = SeededGenerator(seed: 1)
        #expect(adder.check(generator: &generator).mismatches > 0)
    }
}
