import BackpropEngine

/// Everything one gradient check found: per layer and kind, the comparisons with each
/// oracle; the verdict; where backprop first disagrees and why; and how long it took.
public struct GradientCheckReport: Sendable {
    /// Seconds spent on each part of the check.
    public struct Timings: Sendable, Equatable {
        public var gradient = 0.0
        public var finiteDifferences = 0.0
        public var autodiff = 0.0
        public var total: Double { gradient + finiteDifferences + autodiff }
        public init() {}
    }

    public var sizes: [Int]
    public var cost: Cost
    public var lambda: Double
    public var n: Int
    public var batchSize: Int
    public var options: CheckOptions
    /// One result per layer and kind, in the order of `Network.parameterBlocks`.
    public var blocks: [BlockResult]
    public var diagnosis: Diagnosis?
    public var timings: Timings

    public var passed: Bool { blocks.allSatisfy(\.passed) }
    public var maxRelativeError: Double { blocks.map(\.maxRelativeError).max() ?? 0 }
    public var maxAbsoluteError: Double { blocks.map(\.maxAbsoluteError).max() ?? 0 }
    /// How many probes were checked.
    public var checked: Int { blocks.reduce(0) { $0 + $1.tested.count } }
    /// How many probes disagree with some oracle.
    public var failing: Int { blocks.reduce(0) { $0 + $1.failing } }
    /// The oracles that were used.
    public var oracles: [Oracle] { blocks.first?.comparisons.map(\.oracle) ?? [] }
}
