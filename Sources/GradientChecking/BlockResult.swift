/// A second opinion on ∇C that backprop is compared with.
public enum Oracle: String, Sendable, Codable, CaseIterable {
    /// Central differences of the cost.
    case finiteDifferences = "finite differences"
    /// The compiler's reverse-mode automatic differentiation of the cost.
    case autodiff
}

/// How backprop's values in one block compare with one oracle's.
public struct Comparison: Sendable, Equatable {
    public var oracle: Oracle
    public var maxAbsoluteError: Double
    public var maxRelativeError: Double
    /// How many probes exceed both tolerances.
    public var failing: Int
    /// The probe with the largest relative error.
    public var worst: Int

    /// Compares `tested` with `reference`, probe by probe.
    public init(oracle: Oracle, tested: [Double], reference: [Double], options: CheckOptions) {
        self.oracle = oracle
        maxAbsoluteError = 0
        maxRelativeError = 0
        failing = 0
        worst = 0
        for (i, (a, n)) in zip(tested, reference).enumerated() {
            let absolute = a.isFinite && n.isFinite ? abs(a - n) : .infinity
            let relative = relativeError(a, n, floor: options.relativeErrorFloor)
            if absolute > options.atol && relative > options.rtol { failing += 1 }
            maxAbsoluteError = max(maxAbsoluteError, absolute)
            if relative > maxRelativeError {
                maxRelativeError = relative
                worst = i
            }
        }
    }
}

/// The check of one layer's weights or biases: every probe (an entry, or a random
/// direction) with backprop's value, each oracle's value, and the comparisons.
public struct BlockResult: Sendable {
    public var block: ParameterBlock
    /// What each probe is: `(l, j, k)` / `(l, j)` for an entry, `v1`, `v2`, … for a direction.
    public var probeLabels: [String]
    /// The gradient under test along each probe.
    public var tested: [Double]
    /// The central differences along each probe, if that oracle was used.
    public var finiteDifferences: [Double]?
    /// Autodiff's gradient along each probe, if that oracle was used.
    public var autodiff: [Double]?
    /// One comparison per oracle used.
    public var comparisons: [Comparison]

    /// Compares the probes' values with every oracle given.
    public init(block: ParameterBlock, probeLabels: [String], tested: [Double],
                finiteDifferences: [Double]?, autodiff: [Double]?, options: CheckOptions) {
        self.block = block
        self.probeLabels = probeLabels
        self.tested = tested
        self.finiteDifferences = finiteDifferences
        self.autodiff = autodiff
        comparisons = []
        if let finiteDifferences {
            comparisons.append(Comparison(oracle: .finiteDifferences, tested: tested, reference: finiteDifferences, options: options))
        }
        if let autodiff {
            comparisons.append(Comparison(oracle: .autodiff, tested: tested, reference: autodiff, options: options))
        }
    }

    /// How many probes disagree with some oracle (the larger count of the two).
    public var failing: Int { comparisons.map(\.failing).max() ?? 0 }
    public var passed: Bool { failing == 0 }
    public var maxRelativeError: Double { comparisons.map(\.maxRelativeError).max() ?? 0 }
    public var maxAbsoluteError: Double { comparisons.map(\.maxAbsoluteError).max() ?? 0 }

    /// The reference values: finite differences when used, otherwise autodiff.
    public var reference: [Double] { finiteDifferences ?? autodiff ?? [] }

    /// The comparison with the reference oracle.
    public var primary: Comparison? { comparisons.first }
}
