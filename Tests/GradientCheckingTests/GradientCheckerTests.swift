import BackpropEngine
import Foundation
import Testing
@testable import GradientChecking

@Suite("The checker passes the textbook engine and measures the right things")
struct GradientCheckerTests {
    static let shapes: [[Int]] = [[2, 3, 1], [3, 4, 2], [2, 3, 3, 2], [1, 2, 1]]

    @Test("200 seeds × 4 shapes × both costs × λ = 0 and 2: zero false alarms")
    func noFalseAlarms() throws {
        var alarms: [String] = []
        var worst = 0.0
        for seed in UInt64(1)...200 {
            for sizes in Self.shapes {
                for cost in Cost.allCases {
                    for lambda in [0.0, 2.0] {
                        let (network, batch) = try randomProblem(sizes: sizes, cost: cost, seed: seed, batch: 1 + Int(seed % 4))
                        let report = runCheck(network, batch, lambda: lambda)
                        worst = max(worst, report.blocks.flatMap(\.comparisons).map(\.maxAbsoluteError).max() ?? 0)
                        #expect(report.passed == (report.maxRelativeError <= CheckOptions.defaultRtol))
                        if !report.passed { alarms.append("seed \(seed) \(sizes) \(cost) λ=\(lambda): \(report.maxRelativeError)") }
                    }
                }
            }
        }
        #expect(alarms.isEmpty, "\(alarms.prefix(5))")
        #expect(worst < CheckOptions.defaultAtol)
    }

    @Test("a correct check reports tiny errors and no diagnosis")
    func passingReport() throws {
        let (network, batch) = try randomProblem(sizes: [2, 3, 1], cost: .quadratic, seed: 1, batch: 4)
        let report = runCheck(network, batch, lambda: 0)
        #expect(report.passed)
        #expect(report.diagnosis == nil)
        #expect(report.checked == network.parameterCount)
        #expect(report.maxRelativeError < 1e-7)
        #expect(report.blocks.map(\.block.layer) == [2, 2, 3, 3])
    }

    @Test("the gradient under test is pluggable: a gradient off by 1 % in one weight is caught there")
    func pluggableGradient() throws {
        let (network, batch) = try randomProblem(sizes: [3, 4, 2], cost: .crossEntropy, seed: 9, batch: 3)
        let nudged: GradientFunction = { network, batch, lambda, n in
            var g = TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: n)
            g.nablaW[0][1, 2] *= 1.01
            return g
        }
        let report = runCheck(network, batch, lambda: 0, gradient: nudged)
        #expect(!report.passed)
        #expect(report.failing == 1)
        let failing = try #require(report.blocks.first { !$0.passed })
        #expect(failing.block.layer == 2 && failing.block.kind == .weight)
        #expect(failing.probeLabels[try #require(failing.primary).worst] == "(2, 1, 2)")
    }

    @Test("directional and sampling modes pass the correct engine and catch a bug", arguments: [
        CheckMode.directional(count: 3), CheckMode.sample(count: 4),
    ])
    func otherModes(mode: CheckMode) throws {
        for seed in UInt64(1)...20 {
            let (network, batch) = try randomProblem(sizes: [4, 5, 3], cost: .quadratic, seed: seed, batch: 2)
            let good = runCheck(network, batch, lambda: 0.5, mode: mode, seed: seed)
            #expect(good.passed, "seed \(seed)")
            let bad = runCheck(network, batch, lambda: 0.5, mode: mode, gradient: BackpropBug.noHiddenSigmaPrime.gradient, seed: seed)
            #expect(!bad.passed)
            #expect(bad.diagnosis?.culprit == .bp2 && bad.diagnosis?.layer == 2)
        }
    }

    @Test("sampling checks at most N distinct entries per layer and kind")
    func samplingCounts() throws {
        let (network, batch) = try randomProblem(sizes: [6, 5, 2], cost: .quadratic, seed: 2, batch: 1)
        let report = runCheck(network, batch, lambda: 0, mode: .sample(count: 4))
        #expect(report.blocks.map(\.tested.count) == [4, 4, 2, 4])
        #expect(report.blocks.allSatisfy { Set($0.probeLabels).count == $0.probeLabels.count })
    }

    @Test("JSON has passed, max_relative_error, seconds and a per-layer list")
    func json() throws {
        let (network, batch) = try randomProblem(sizes: [2, 3, 1], cost: .quadratic, seed: 1, batch: 2)
        let report = runCheck(network, batch, lambda: 0, gradient: BackpropBug.wrongSign.gradient)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.json(seed: 1, bug: .wrongSign).utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        #expect(object["max_relative_error"] is Double)
        #expect(object["seconds"] is Double)
        let layers = try #require(object["layers"] as? [[String: Any]])
        #expect(layers.count == 4)
        #expect(layers.first?["layer"] as? Int == 2)
        let diagnosis = try #require(object["diagnosis"] as? [String: Any])
        #expect(diagnosis["equation"] as? String == "BP1")
        #expect(diagnosis["layer"] as? Int == 3)
    }

    @Test("NaN and ±∞ in a gradient reach the JSON report as the strings of the one JSON policy")
    func jsonNonFinite() throws {
        let (network, batch) = try randomProblem(sizes: [2, 3, 1], cost: .quadratic, seed: 1, batch: 2)
        let poisoned: GradientFunction = { network, batch, lambda, n in
            var g = TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: n)
            g.nablaB[0].elements[0] = .nan
            g.nablaB[0].elements[1] = .infinity
            g.nablaB[0].elements[2] = -.infinity
            return g
        }
        let report = runCheck(network, batch, lambda: 0, gradient: poisoned)
        // The worst bias entry of layer 2 is the NaN one (its relative error is ∞, the
        // first of three), and the report's largest relative error is ∞.
        let text = try report.json(seed: 1)
        #expect(text.contains("\"NaN\""))
        #expect(text.contains("\"Infinity\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
    }

    @Test("the text report: a row per layer and kind, the verdict, and the diagnosis unless hidden")
    func textReport() throws {
        let (network, batch) = try randomProblem(sizes: [2, 3, 1], cost: .quadratic, seed: 1, batch: 2)
        let good = runCheck(network, batch, lambda: 0).text()
        #expect(good.contains("PASS: backprop agrees with finite differences on all 13 entries"))
        let bad = runCheck(network, batch, lambda: 0, gradient: BackpropBug.zeroBiasGradient.gradient)
        #expect(bad.text().contains("likely culprit: BP3"))
        #expect(bad.text().contains("first disagreeing layer: 3"))
        #expect(!bad.text(diagnose: false).contains("likely culprit"))
        #expect(bad.text().split(separator: "\n").filter { $0.hasSuffix("WRONG") }.count == 2)
    }

    @Test("relative error: 0 for equal values, 1 against zero, ∞ for NaN")
    func relativeErrors() {
        #expect(relativeError(0, 0) == 0)
        #expect(relativeError(0.5, 0.5) == 0)
        #expect(relativeError(1e-3, 0) == 1)
        #expect(abs(relativeError(1.0, 1.1) - 0.1 / 1.1) < 1e-15)
        #expect(relativeError(.nan, 1) == .infinity)
    }

    @Test("parameter blocks follow Network.parameters: bˡ then wˡ per layer")
    func blocks() throws {
        let (network, _) = try randomProblem(sizes: [3, 2, 4], cost: .quadratic, seed: 4, batch: 1)
        let parameters = network.parameters
        for block in network.parameterBlocks {
            for i in 0..<block.count {
                let (j, k) = block.position(i)
                let expected = k.map { network.weights[block.layer - 2][j, $0] } ?? network.biases[block.layer - 2][j]
                #expect(parameters[block.offset + i] == expected)
            }
        }
        #expect(network.parameterBlocks.reduce(0) { $0 + $1.count } == network.parameterCount)
    }

    @Test("synthetic batches: about `density` of the inputs non-zero, one-hot targets")
    func syntheticBatch() {
        var generator = SeededGenerator(seed: 1)
        let batch = SyntheticBatch.make(sizes: [784, 10], count: 10, density: 0.19, generator: &generator)
        let nonZero = Double(batch.flatMap(\.x.elements).filter { $0 != 0 }.count) / 7840
        #expect(abs(nonZero - 0.19) < 0.02)
        #expect(batch.allSatisfy { $0.y.elements.reduce(0, +) == 1 })
    }
}
