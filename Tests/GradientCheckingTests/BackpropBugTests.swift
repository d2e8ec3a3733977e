import BackpropEngine
import Testing
@testable import GradientChecking

@Suite("The bug zoo: every bug is caught, with the expected layer and equation")
struct BackpropBugTests {
    static let shapes: [[Int]] = [[2, 3, 1], [3, 4, 2], [2, 3, 3, 2], [4, 3, 5, 2, 3]]

    /// The costs under which the bug is a bug (cross-entropy's δ is right for cross-entropy).
    static func costs(for bug: BackpropBug) -> [Cost] {
        bug == .crossEntropyDelta ? [.quadratic] : Cost.allCases
    }

    @Test("caught on every shape, cost, λ and seed, blaming the expected layer and equation",
          arguments: BackpropBug.allCases)
    func caught(bug: BackpropBug) throws {
        for sizes in Self.shapes {
            for cost in Self.costs(for: bug) {
                for lambda in [0.0, 1.5] {
                    for seed in UInt64(1)...6 {
                        let (network, batch) = try randomProblem(sizes: sizes, cost: cost, seed: seed, batch: 2 + Int(seed % 3))
                        let report = runCheck(network, batch, lambda: lambda, gradient: bug.gradient)
                        let context = "\(bug.rawValue) \(sizes) \(cost) λ=\(lambda) seed \(seed)"
                        #expect(!report.passed, "\(context) passed")
                        #expect(report.diagnosis?.culprit == bug.expectedCulprit, "\(context): \(String(describing: report.diagnosis))")
                        #expect(report.diagnosis?.layer == bug.expectedLayer(layers: sizes.count), "\(context): \(String(describing: report.diagnosis))")
                    }
                }
            }
        }
    }

    @Test("bugs that cannot show are not reported: the checker judges the gradient, not the code")
    func invisibleBugs() throws {
        let (single, batch1) = try randomProblem(sizes: [3, 4, 2], cost: .quadratic, seed: 2, batch: 1)
        #expect(runCheck(single, batch1, lambda: 0, gradient: BackpropBug.doubleBatchDivision.gradient).passed)
        let (ce, batch) = try randomProblem(sizes: [3, 4, 2], cost: .crossEntropy, seed: 2, batch: 3)
        #expect(runCheck(ce, batch, lambda: 0, gradient: BackpropBug.crossEntropyDelta.gradient).passed)
        let (shallow, batch2) = try randomProblem(sizes: [3, 2], cost: .quadratic, seed: 2, batch: 3)
        #expect(runCheck(shallow, batch2, lambda: 0, gradient: BackpropBug.noHiddenSigmaPrime.gradient).passed)
    }

    @Test("names are kebab-case and every bug has an explanation")
    func names() {
        for bug in BackpropBug.allCases {
            #expect(bug.rawValue.allSatisfy { $0.isLowercase || $0 == "-" })
            #expect(!bug.explanation.isEmpty && !bug.summary.isEmpty)
        }
        #expect(BackpropBug.allCases.count >= 8)
    }
}
