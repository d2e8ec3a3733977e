import ArgumentParser
import BackpropEngine

/// The training flags, one spelling and one help text for every tool that trains
/// (`mnist train`, `xor`, `deep-gradients`, `gradient-descent batches`): `--sizes`,
/// `--epochs`, `--batch` (the mini-batch size m), `--eta` (η), `--cost`, `--init` and
/// `--lambda` (λ), in the book's notation. `Defaults` gives each tool its defaults and
/// the flags it takes (see `TrainingDefaults`); ranges that depend on the tool (784
/// inputs for MNIST, at most the training set for `--batch`) are checked by the tool.
public struct TrainingFlags<Defaults: TrainingDefaults>: ParsableArguments, Sendable {
    @Option(help: TrainingFlags.help(Defaults.sizesHelp + " (default: \(LayerSizes(Defaults.sizes)))", .sizes),
            transform: LayerSizes.parse)
    public var sizes = LayerSizes(Defaults.sizes)

    @Option(help: TrainingFlags.help(Defaults.epochsHelp, .epochs))
    public var epochs = Defaults.epochs

    @Option(help: TrainingFlags.help("Mini-batch size m: the examples averaged for each gradient step.", .batch))
    public var batch = Defaults.batch

    @Option(help: TrainingFlags.help(Defaults.etaHelp, .eta))
    public var eta = Defaults.eta

    @Option(help: TrainingFlags.help("Cost: quadratic or cross-entropy.", .cost))
    public var cost = Defaults.cost

    @Option(name: .customLong("init"),
            help: TrainingFlags.help("Initial weights: large (N(0,1), chapter 1) or scaled (N(0,1/n_in), chapter 3).", .initializer))
    public var initializer = Defaults.initializer

    @Option(help: TrainingFlags.help("L2 regularization λ (0: chapter 1's plain SGD).", .lambda))
    public var lambda = Defaults.lambda

    public init() {}

    /// Help for `flag`, hidden when the tool does not take it.
    static func help(_ text: String, _ flag: TrainingFlag) -> ArgumentHelp {
        ArgumentHelp(text, visibility: Defaults.flags.contains(flag) ? .default : .private)
    }

    /// A flag the tool does not take keeps its default; η > 0 and λ ≥ 0 for every tool
    /// (the other ranges depend on the tool and its data, so the tool checks them).
    public func validate() throws {
        let changed: [TrainingFlag: Bool] = [
            .sizes: sizes.values != Defaults.sizes, .epochs: epochs != Defaults.epochs, .batch: batch != Defaults.batch,
            .eta: eta != Defaults.eta, .cost: cost != Defaults.cost, .initializer: initializer != Defaults.initializer,
            .lambda: lambda != Defaults.lambda,
        ]
        for flag in TrainingFlag.allCases where !Defaults.flags.contains(flag) && changed[flag] == true {
            throw ValidationError("\(flag.flag) does not apply to this command")
        }
        if Defaults.flags.contains(.eta) { try requirePositive(eta, "--eta") }
        if Defaults.flags.contains(.lambda), !(lambda.isFinite && lambda >= 0) {
            throw ValidationError("--lambda must be zero or positive, got \(lambda)")
        }
    }
}
