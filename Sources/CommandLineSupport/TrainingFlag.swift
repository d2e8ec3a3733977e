/// The training flags every tool that trains spells the same way (`TrainingFlags`).
public enum TrainingFlag: String, CaseIterable, Sendable {
    /// `--sizes`: neurons per layer, input first.
    case sizes
    /// `--epochs`: passes over the training data.
    case epochs
    /// `--batch`: the mini-batch size m.
    case batch
    /// `--eta`: the learning rate η.
    case eta
    /// `--cost`: quadratic or cross-entropy.
    case cost
    /// `--init`: how the weights start.
    case initializer = "init"
    /// `--lambda`: L2 regularization λ.
    case lambda

    /// The flag as typed: `--sizes`.
    public var flag: String { "--" + rawValue }
}
