import ArgumentParser

/// One demo's defaults for `DemoDataFlags`: how many examples it trains and tests on,
/// and how noisy its synthetic clusters are.
public protocol DemoDataDefaults: Sendable {
    static var train: Int { get }
    static var test: Int { get }
    /// σ of the synthetic clusters: small enough that the task is learnable, large
    /// enough that it is not trivial, for the demo's network.
    static var noise: Double { get }
    /// What the training examples are also used for, if anything (ends `--train`'s help).
    static var trainUse: String { get }
}

extension DemoDataDefaults {
    public static var trainUse: String { "" }
}

/// The data flags of the demos that train on either a slice of MNIST or a synthetic
/// task (`deep-gradients`, `gradient-descent batches`): `--data DIR` (without it, the
/// synthetic task: Gaussian clusters with as many inputs and classes as the network),
/// `--train N`, `--test N` and `--noise σ`. The demo loads them with `DemoData.load` and
/// checks the counts and the network's shape with `DemoData.flagProblem`.
public struct DemoDataFlags<Defaults: DemoDataDefaults>: ParsableArguments, Sendable {
    @Option(help: "MNIST directory; without it, a synthetic task with the network's input and output sizes is used.")
    public var data: String?

    @Option(help: "Training examples to use\(Defaults.trainUse).")
    public var train = Defaults.train

    @Option(help: "Test examples to measure accuracy on.")
    public var test = Defaults.test

    @Option(help: "Noise σ of the synthetic clusters (ignored with --data).")
    public var noise = Defaults.noise

    public init() {}

    public func validate() throws {
        try requirePositive(noise, "--noise")
    }
}
