import Foundation
import Testing
import BackpropEngine
@testable import FastEngine

/// `VectorExp.exp` against the scalar `exp` (glibc's), and `VectorExp.sigmoid` against the
/// textbook `sigmoid`, compared bit for bit (every NaN counts as equal to every NaN).
@Suite("VectorExp = scalar exp and textbook sigmoid, bit for bit")
struct VectorExpTests {
    typealias D8 = Kernels.D8

    @Test("the one-time self-check passes on this platform")
    func selfCheck() {
        #expect(Kernels.vectorExpMatchesPlatform)
    }

    @Test("100,000 random x in [−745, 0] and 100,000 in [−40, 0]")
    func random() {
        var generator = SeededGenerator(seed: 2026)
        let wide = (0..<100_000).map { _ in -745 * generator.nextUniform() }
        let narrow = (0..<100_000).map { _ in -40 * generator.nextUniform() }
        #expect(expMismatches(wide) == [])
        #expect(expMismatches(narrow) == [])
    }

    @Test("zeros, tiny x, the 512 switch, subnormal and zero results, −∞, NaN")
    func edgeCases() {
        var inputs: [Double] = [
            0, -0.0, -1e-300, -0x1p-1074, -0x1p-1022, -Double.greatestFiniteMagnitude,
            -708.3964185322641, -708.4, -709, -744.4400719213812, -744.5,
            -745.1332191019411, -745.1332191019412, -745.2, -746, -1000, -1024, -1e6,
            -.infinity, .nan, -.nan, .signalingNaN,
        ]
        // Every x from 30 ulps below to 30 ulps above each threshold: |x| = 2⁻⁵⁴ (x ↦ 1 + x
        // below), 512 (glibc's special case beyond), the first subnormal result, the last
        // nonzero one.
        for threshold in [-0x1p-54, -512, -708.3964185322641, -745.1332191019411] {
            var x = threshold
            for _ in 0..<30 { x = x.nextDown }
            for _ in 0...60 { inputs.append(x); x = x.nextUp }
        }
        // Subnormal results throughout.
        inputs += stride(from: -708.5, to: -745.5, by: -0.0625)
        // Table-index boundaries x ≈ −(j + ½)·ln2/128, where k = round(x·128/ln2) changes.
        for j in stride(from: 0, to: 137_700, by: 1_009) {
            let b = -(Double(j) + 0.5) * 0x1.62e42fefa39efp-8
            inputs += [b.nextDown.nextDown, b.nextDown, b, b.nextUp, b.nextUp.nextUp]
        }
        #expect(expMismatches(inputs) == [])

        let special = VectorExp.exp(D8(0, -0.0, -.infinity, .nan, -746, -745, -1e-300, -1))
        #expect(special[0] == 1 && special[1] == 1 && special[2] == 0 && special[3].isNaN)
        #expect(special[4] == 0 && special[5].isSubnormal && special[6] == 1 && special[7] == exp(-1.0))
    }

    @Test("sigmoid: 20,000 random z in [−50, 50], and ±0, ±∞, NaN, ±1000")
    func sigmoidMatchesTextbook() {
        var generator = SeededGenerator(seed: 7)
        var inputs = (0..<20_000).map { _ in 100 * generator.nextUniform() - 50 }
        inputs += [0, -0.0, .infinity, -.infinity, .nan, -.nan, 1000, -1000, 745.2, -745.2, 1e-300, -1e-300]
        #expect(mismatches(inputs, vector: { VectorExp.sigmoid($0) }, scalar: BackpropEngine.sigmoid) == [])

        let special = VectorExp.sigmoid(D8(0, -0.0, .infinity, -.infinity, .nan, 1000, -1000, 0))
        #expect(special[0] == 0.5 && special[1] == 0.5 && special[2] == 1 && special[3] == 0)
        #expect(special[4].isNaN && special[5] == 1 && special[6] == 0)
    }

    /// The inputs (at most 10) where `VectorExp.exp` and the scalar `exp` differ.
    private func expMismatches(_ inputs: [Double]) -> [Double] {
        mismatches(inputs, vector: VectorExp.exp, scalar: Foundation.exp)
    }

    /// The inputs (at most 10) where `vector`, applied 8 at a time, differs from `scalar`
    /// in any bit (NaN = NaN). The last group is padded with −1.
    private func mismatches(
        _ inputs: [Double], vector: (D8) -> D8, scalar: (Double) -> Double
    ) -> [Double] {
        var bad: [Double] = []
        var start = 0
        while start < inputs.count && bad.count < 10 {
            var x = D8(repeating: -1)
            for lane in 0..<min(8, inputs.count - start) { x[lane] = inputs[start + lane] }
            let y = vector(x)
            for lane in 0..<8 {
                let expected = scalar(x[lane])
                if y[lane].bitPattern != expected.bitPattern && !(y[lane].isNaN && expected.isNaN) {
                    bad.append(x[lane])
                }
            }
            start += 8
        }
        return bad
    }
}
