import BackpropEngine
import Testing
@testable import PerceptronCircuits

@Suite("The 4-bit output layer")
struct FourBitOutputLayerTests {
    @Test("every one-hot digit becomes its binary form", arguments: 0..<10)
    func oneHot(digit: Int) {
        let a = Vector.oneHot(digit, count: 10)
        let bits = FourBitOutputLayer.circuit.evaluate(a, activation: .step)
        #expect(bits.elements == Array(BitPattern.bits(of: digit, count: 4).reversed()))
        let sig = FourBitOutputLayer.circuit.evaluate(a, activation: .sigmoid)
        #expect(zip(sig.elements, bits.elements).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test("good but not perfect outputs still decode, within σ(−9) of each bit")
    func goodOutputs() {
        let rows = FourBitOutputLayer.table(right: 0.99, wrong: 0.01)
        #expect(rows.count == 10 && rows.allSatisfy { $0.correct })
        for r in rows {
            let bits = BitPattern.bits(of: r.digit, count: 4).reversed()
            #expect(zip(r.sigmoidOutputs, bits).allSatisfy { abs($0 - $1) <= sigmoid(-9) + 1e-15 })
        }
        #expect(FourBitOutputLayer.table(right: 1, wrong: 0).allSatisfy { $0.correct })
    }

    @Test("a wrong winner decodes to the wrong digit, so the check can fail")
    func checkCanFail() {
        let rows = FourBitOutputLayer.table(right: 0.01, wrong: 0.2)
        #expect(!rows.allSatisfy { $0.correct })
    }

    @Test("bit 8 needs right − 7·wrong > 0: digits 8 and 9 fail first")
    func threshold() {
        #expect(FourBitOutputLayer.table(right: 0.36, wrong: 0.05).allSatisfy { $0.correct })
        let rows = FourBitOutputLayer.table(right: 0.34, wrong: 0.05)
        #expect(rows.filter { !$0.correct }.map(\.digit) == [8, 9])
    }
}
