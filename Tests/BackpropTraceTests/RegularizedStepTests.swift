import BackpropEngine
import Foundation
import Testing
@testable import BackpropTrace

/// `backprop-trace --batch m --lambda λ --n N`: network2.py's L2 step
/// w → (1 − ηλ/n)w − (η/m)Σₓ∇Cₓ, b → b − (η/m)Σₓ∂Cₓ/∂b, traced.
@Suite("backprop-trace --lambda/--n: the L2-regularized mini-batch step")
struct RegularizedStepTests {
    /// The parts of the JSON trace's `batch` this suite reads.
    struct Batch: Decodable {
        struct Example: Decodable { var input, target: [Double] }
        var m: Int
        var eta: Double
        var lambda: Double?
        var n: Int?
        var decay: Double?
        var examples: [Example]
        var updated_w: [[[Double]]]
        var updated_b: [[Double]]
        var cost_before, cost_after: Double
    }
    struct Document: Decodable { var batch: Batch }

    static func batch(_ arguments: [String]) throws -> Batch {
        let run = try TraceExecutable.run(["--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8)).batch
    }

    /// The seed-1 network and the traced examples, stepped by the engine's own
    /// `updateMiniBatch(_:eta:lambda:n:)` (the step `sgd` takes for each mini-batch).
    static func engineStep(_ batch: Batch, lambda: Double, n: Int) throws -> Network {
        var network = try Network(sizes: [2, 3, 1], seed: 1)
        let examples = batch.examples.map { Example(x: Vector($0.input), y: Vector($0.target)) }
        network.updateMiniBatch(examples, eta: batch.eta, lambda: lambda, n: n)
        return network
    }

    @Test("the traced step is the engine's SGD step with λ and n, bit for bit", arguments: [(0.1, 4), (5.0, 100), (2.5, 1)])
    func tracedStepIsTheEngines(lambda: Double, n: Int) throws {
        let batch = try Self.batch(["--batch", "4", "--eta", "0.5", "--lambda", String(lambda), "--n", String(n)])
        #expect(batch.m == 4 && batch.lambda == lambda && batch.n == n)
        #expect(batch.decay == 1 - 0.5 * lambda / Double(n))
        let engine = try Self.engineStep(batch, lambda: lambda, n: n)
        #expect(batch.updated_w == engine.weights.map(\.rowList))
        #expect(batch.updated_b == engine.biases.map(\.elements))
        #expect(batch.cost_before == (try Network(sizes: [2, 3, 1], seed: 1)).totalCost(
            batch.examples.map { Example(x: Vector($0.input), y: Vector($0.target)) }, lambda: lambda, n: n))
        // The decay changes the step: it is not chapter 1's.
        let plain = try Self.engineStep(batch, lambda: 0, n: n)
        #expect(batch.updated_w != plain.weights.map(\.rowList))
        #expect(batch.updated_b == plain.biases.map(\.elements), "biases are not decayed")
    }

    @Test("--n defaults to the mini-batch size m, as gradcheck's does")
    func nDefaultsToM() throws {
        let batch = try Self.batch(["--batch", "3", "--lambda", "0.3"])
        #expect(batch.n == 3)
        let engine = try Self.engineStep(batch, lambda: 0.3, n: 3)
        #expect(batch.updated_w == engine.weights.map(\.rowList))
    }

    @Test("the text shows the decayed step with its numbers")
    func textShowsTheDecay() throws {
        let run = try TraceExecutable.run(["--batch", "3", "--lambda", "5", "--n", "100"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Mini-batch step, m = 3, η = 3.0, λ = 5.0, n = 100"))
        #expect(run.stdout.contains("w² → (1 − ηλ/n)w² − (η/m) Σₓ ∂Cₓ/∂w²,  b² → b² − (η/m) Σₓ ∂Cₓ/∂b²"))
        #expect(run.stdout.contains("1 − ηλ/n = 0.85"))
        #expect(run.stdout.contains("(1 − ηλ/n)w² (3×2)"))
        #expect(run.stdout.contains("(1/m) Σₓ Cₓ + (λ/2n) Σ w²: before the step"))
        for format in ["markdown", "latex", "html"] {
            let other = try TraceExecutable.run(["--batch", "3", "--lambda", "5", "--n", "100", "--format", format])
            #expect(other.status == 0)
            #expect(other.stdout.contains("100") && other.stdout.contains("0.85"), "\(format)")
        }
    }

    @Test("bad --lambda/--n are usage errors (exit 64)", arguments: [
        ["--lambda", "0.1"], ["--n", "10"], ["--batch", "2", "--lambda=-1"], ["--batch", "2", "--lambda", "nan"],
        ["--batch", "2", "--lambda", "inf"], ["--batch", "2", "--lambda", "1", "--n", "0"],
    ])
    func badFlags(_ arguments: [String]) throws {
        let run = try TraceExecutable.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("--lambda") || run.stderr.contains("--n"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
