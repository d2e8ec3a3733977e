/// An engine that trains by `network.py`'s mini-batch SGD: the textbook `Network` and
/// the fast engine's `FastNetwork`.
///
/// `sgd(trainingData:…)`, the call a reader of the book writes, is declared once, here,
/// for every engine: it hands the examples to the engine's own `sgd(trainingSet:…)` in
/// the form that engine trains on (`Network`: the examples as they are; `FastNetwork`:
/// packed storage). So a caller swaps engines by changing one type, and the two engines
/// cannot drift apart in what the call means.
public protocol MiniBatchTrainer {
    /// The training examples in the form the engine trains on.
    associatedtype TrainingSet
    /// The test examples in the form the engine evaluates.
    associatedtype TestSet

    /// The layer sizes, from the input layer to the output layer.
    var sizes: [Int] { get }

    /// `trainingData` in the engine's form, for a network of `sizes`.
    static func trainingSet(_ trainingData: [Example], sizes: [Int]) -> TrainingSet

    /// `testData` in the engine's form, for a network of `sizes`.
    static func testSet(_ testData: [LabeledExample], sizes: [Int]) -> TestSet

    /// Mini-batch SGD on data in the engine's form: `epochs` passes, each over a fresh
    /// shuffle from `generator` in mini-batches of `miniBatchSize`, with step η = `eta`
    /// and L2 parameter λ = `lambda`; evaluated on `testSet` after each epoch when given.
    mutating func sgd(
        trainingSet: TrainingSet,
        epochs: Int,
        miniBatchSize: Int,
        eta: Double,
        lambda: Double,
        testSet: TestSet?,
        generator: inout SeededGenerator,
        onEpoch: (EpochReport) -> Void,
        onMiniBatch: ((Int, Int) -> Void)?
    ) throws(TrainingError) -> [EpochReport]
}

extension MiniBatchTrainer {
    /// Trains by mini-batch stochastic gradient descent (`network.py`'s `SGD`).
    ///
    /// Each epoch shuffles the training data, splits it into mini-batches of
    /// `miniBatchSize` (the last may be smaller) and applies one gradient-descent step to
    /// each. With `testData`, the network is evaluated after each epoch.
    ///
    /// - Parameters:
    ///   - trainingData: the training examples.
    ///   - epochs: how many passes over the training data.
    ///   - miniBatchSize: m, the examples averaged for each step (the last mini-batch of
    ///     an epoch may be smaller).
    ///   - eta: the learning rate η.
    ///   - lambda: the L2 regularization parameter λ (0 for chapter 1's plain SGD).
    ///   - testData: examples to evaluate after each epoch, or nil for none.
    ///   - generator: the source of every shuffle; the same seed gives the same run.
    ///   - onEpoch: called after every epoch, e.g. to print the report.
    ///   - onMiniBatch: called after every mini-batch with (done, total) for progress bars.
    /// - Returns: one report per epoch.
    /// - Throws: `TrainingError.invalidHyperparameters` for bad hyper-parameters (the
    ///   fast engine also for examples that do not fit the network); `.nonFinite` as soon
    ///   as an epoch leaves a NaN or ∞ weight.
    @discardableResult
    public mutating func sgd(
        trainingData: [Example],
        epochs: Int,
        miniBatchSize: Int,
        eta: Double,
        lambda: Double = 0,
        testData: [LabeledExample]? = nil,
        generator: inout SeededGenerator,
        onEpoch: (EpochReport) -> Void = { _ in },
        onMiniBatch: ((Int, Int) -> Void)? = nil
    ) throws(TrainingError) -> [EpochReport] {
        try sgd(trainingSet: Self.trainingSet(trainingData, sizes: sizes), epochs: epochs, miniBatchSize: miniBatchSize,
                eta: eta, lambda: lambda, testSet: testData.map { Self.testSet($0, sizes: sizes) },
                generator: &generator, onEpoch: onEpoch, onMiniBatch: onMiniBatch)
    }
}
