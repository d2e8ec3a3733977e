/// What one epoch of `Network.sgd` did, printed in `network.py`'s form:
/// `Epoch 0: 9129 / 10000` (or `Epoch 0 complete` without test data), plus seconds.
public struct EpochReport: Sendable, Equatable, CustomStringConvertible {
    /// The epoch number, from 0 as in `network.py`.
    public var epoch: Int
    /// How many test examples the network got right after the epoch, if it was evaluated.
    public var correct: Int?
    /// How many test examples there were.
    public var total: Int
    /// Seconds spent training this epoch (not counting evaluation).
    public var seconds: Double

    public init(epoch: Int, correct: Int?, total: Int, seconds: Double) {
        self.epoch = epoch
        self.correct = correct
        self.total = total
        self.seconds = seconds
    }

    public var description: String {
        let time = "(\(formatSeconds(seconds)))"
        if let correct {
            return "Epoch \(epoch): \(correct) / \(total) \(time)"
        }
        return "Epoch \(epoch) complete \(time)"
    }
}

/// Seconds with two decimals, e.g. "1.84 s".
func formatSeconds(_ seconds: Double) -> String {
    let hundredths = Int((seconds * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
}

/// Training stopped because it went wrong.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A weight or bias became NaN or infinite during the epoch.
    case nonFinite(epoch: Int, eta: Double)
    /// The hyper-parameters cannot train anything.
    case invalidHyperparameters(String)

    public var description: String {
        switch self {
        case let .nonFinite(epoch, eta):
            "training diverged in epoch \(epoch): a weight or bias became NaN or infinite; try a smaller learning rate than η = \(eta)"
        case let .invalidHyperparameters(message):
            message
        }
    }
}

/// The order in which one epoch visits `count` training examples: a Fisher–Yates
/// shuffle of 0..<count drawn from `generator` (`random.shuffle(training_data)`).
///
/// Written out rather than taken from the standard library so that every engine —
/// and every Swift version — shuffles the same way for the same seed.
public func shuffledOrder(count: Int, generator: inout SeededGenerator) -> [Int] {
    var order = Array(0..<count)
    var i = count - 1
    while i > 0 {
        let j = Int(generator.next() % UInt64(i + 1))
        order.swapAt(i, j)
        i -= 1
    }
    return order
}

extension Network: MiniBatchTrainer {
    /// The textbook engine trains on the examples as they are.
    public static func trainingSet(_ trainingData: [Example], sizes: [Int]) -> [Example] { trainingData }

    /// The textbook engine evaluates the examples as they are.
    public static func testSet(_ testData: [LabeledExample], sizes: [Int]) -> [LabeledExample] { testData }

    /// Mini-batch stochastic gradient descent (`network.py`'s `SGD`), which
    /// `sgd(trainingData:…)` calls (see `MiniBatchTrainer`).
    ///
    /// Each epoch shuffles the training data, splits it into mini-batches of
    /// `miniBatchSize` (the last may be smaller) and applies `updateMiniBatch` to each.
    /// With `testData`, the network is evaluated after each epoch.
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
    /// - Throws: `TrainingError.nonFinite` as soon as an epoch leaves a NaN or ∞ weight.
    @discardableResult
    public mutating func sgd(
        trainingSet trainingData: [Example],
        epochs: Int,
        miniBatchSize: Int,
        eta: Double,
        lambda: Double = 0,
        testSet testData: [LabeledExample]? = nil,
        generator: inout SeededGenerator,
        onEpoch: (EpochReport) -> Void = { _ in },
        onMiniBatch: ((Int, Int) -> Void)? = nil
    ) throws(TrainingError) -> [EpochReport] {
        try TrainingError.check(epochs: epochs, miniBatchSize: miniBatchSize, eta: eta, lambda: lambda)
        let n = trainingData.count
        var reports: [EpochReport] = []
        for j in 0..<epochs {
            let start = ContinuousClock.now
            let order = shuffledOrder(count: n, generator: &generator)
            let batchCount = (n + miniBatchSize - 1) / miniBatchSize
            for (index, k) in stride(from: 0, to: n, by: miniBatchSize).enumerated() {
                let miniBatch = order[k..<min(k + miniBatchSize, n)].map { trainingData[$0] }
                updateMiniBatch(miniBatch, eta: eta, lambda: lambda, n: n)
                onMiniBatch?(index + 1, batchCount)
            }
            let elapsed = start.duration(to: .now)
            guard isFinite else { throw .nonFinite(epoch: j, eta: eta) }
            let report = EpochReport(
                epoch: j,
                correct: testData.map { evaluate($0) },
                total: testData?.count ?? 0,
                seconds: elapsed.inSeconds
            )
            onEpoch(report)
            reports.append(report)
        }
        return reports
    }

    /// One gradient-descent step on a mini-batch (`update_mini_batch`):
    ///
    ///     w → (1 − ηλ/n) w − (η/m) Σₓ ∇wₓ,    b → b − (η/m) Σₓ ∇bₓ
    ///
    /// where m is the mini-batch size and n the size of the whole training set
    /// (n only matters when λ > 0: the L2 weight decay of chapter 3).
    public mutating func updateMiniBatch(_ miniBatch: [Example], eta: Double, lambda: Double = 0, n: Int = 1) {
        guard !miniBatch.isEmpty else { return }
        var nabla = Gradient(zerosLike: self)
        for example in miniBatch {
            nabla = nabla + backprop(x: example.x, y: example.y)
        }
        let step = eta / Double(miniBatch.count)
        let decay = 1 - eta * lambda / Double(max(n, 1))
        weights = zip(weights, nabla.nablaW).map { w, nw in decay * w - step * nw }
        biases = zip(biases, nabla.nablaB).map { b, nb in b - step * nb }
    }

    /// The number of test inputs for which the network's most active output neuron is
    /// the correct label (`network.py`'s `evaluate`).
    public func evaluate(_ testData: [LabeledExample]) -> Int {
        testData.reduce(0) { $0 + (feedforward($1.x).argmax == $1.label ? 1 : 0) }
    }

    /// The mean cost over `data` as training sees it (`network2.py`'s `total_cost`):
    ///
    ///     C = (1/m) Σₓ Cₓ + (λ / 2n) Σ w²
    ///
    /// where m = `data.count` and n is the training-set size the λ term is scaled by
    /// (`n` defaults to m).
    public func totalCost(_ data: [Example], lambda: Double = 0, n: Int? = nil) -> Double {
        guard !data.isEmpty else { return 0 }
        let mean = data.reduce(0) { $0 + cost.fn(a: feedforward($1.x), y: $1.y) } / Double(data.count)
        guard lambda != 0 else { return mean }
        let squaredWeights = weights.reduce(0) { $0 + $1.squaredNorm }
        return mean + lambda / (2 * Double(n ?? data.count)) * squaredWeights
    }
}
