import BackpropEngine
import Testing
@testable import PerceptronCircuits

@Suite("Sigmoid neurons approaching perceptrons as c → ∞")
struct SigmoidLimitTests {
    /// Non-increasing, and strictly decreasing while still above 0.
    func shrinks(_ distances: [Double]) -> Bool {
        zip(distances, distances.dropFirst()).allSatisfy { $1 < $0 || ($1 == 0 && $0 == 0) }
    }

    @Test("the adder's sigmoid twin converges on every input", arguments: BitPattern.all(count: 2))
    func adderConverges(x: [Double]) {
        let rows = SigmoidLimit.table(TwoBitAdder.circuit(carry: .doubled), input: Vector(x), scales: SigmoidLimit.powersOfTen(through: 4))
        #expect(shrinks(rows.map(\.distance)))
        #expect((rows.last?.distance ?? 1) < 1e-6)
        #expect(rows[0].distance > 0.1)
    }

    @Test("a random network converges once c·min|z| is large", arguments: [1, 5, 11] as [UInt64])
    func randomConverges(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let circuit = PerceptronCircuit(network: try Network(sizes: [3, 5, 2], generator: &generator))
        let x = Vector([0.3, 0.6, 0.9])
        let closest = try #require(SigmoidLimit.closestToBoundary(circuit, input: x))
        #expect(closest.z != 0)
        let rows = SigmoidLimit.table(circuit, input: x, scales: SigmoidLimit.powersOfTen(through: 8))
        // At small c the distance may grow (seed 5 does); once c·min|z| ≥ 10 it only shrinks.
        let tail = rows.filter { $0.c * abs(closest.z) >= 10 }
        #expect(tail.count >= 3)
        #expect(shrinks(tail.map(\.distance)))
        #expect((rows.last?.distance ?? 1) < 1e-6)
    }

    @Test("a neuron with w·x + b = 0 outputs 0.5 for every c, and the adder's sum goes wrong")
    func failure() throws {
        let report = SigmoidLimitReport(network: "adder", circuit: TwoBitAdder.circuit(carry: .doubled),
                                        input: Vector([1, 1]), scales: SigmoidLimit.powersOfTen(through: 6))
        #expect(report.closestNeuron == "n1")
        #expect(report.tiedBias == 4)
        #expect(report.failure.allSatisfy { $0.watched == 0.5 })
        #expect(report.tiedPerceptronOutputs == [0, 1])
        #expect((report.failure.last?.distance ?? 0) > 0.99)
        #expect(report.convergence.allSatisfy { $0.watched == nil })
        #expect(sigmoid(1e6 * 0.0) == 0.5)
    }
}
