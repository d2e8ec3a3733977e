import BackpropEngine

/// One tool's defaults (and help wording where it differs) for `TrainingFlags`.
/// Only `flags`, `sizes` and `sizesHelp` have no default: every other requirement
/// defaults to chapter 1's choices (batch 10, quadratic cost, N(0, 1) weights, λ = 0).
public protocol TrainingDefaults: Sendable {
    /// The flags the tool takes; the others are hidden from its help and refused if
    /// given a value other than their default.
    static var flags: Set<TrainingFlag> { get }
    static var sizes: [Int] { get }
    /// What `--sizes` must be for this tool (e.g. "the first must be 784 …").
    static var sizesHelp: String { get }
    static var epochs: Int { get }
    static var epochsHelp: String { get }
    static var batch: Int { get }
    static var eta: Double { get }
    static var etaHelp: String { get }
    static var cost: Cost { get }
    static var initializer: Network.Initializer { get }
    static var lambda: Double { get }
}

extension TrainingDefaults {
    public static var flags: Set<TrainingFlag> { Set(TrainingFlag.allCases) }
    public static var epochs: Int { 30 }
    public static var epochsHelp: String { "Passes over the training data." }
    public static var batch: Int { 10 }
    public static var eta: Double { 3.0 }
    public static var etaHelp: String { "Learning rate η." }
    public static var cost: Cost { .quadratic }
    public static var initializer: Network.Initializer { .large }
    public static var lambda: Double { 0 }
}
