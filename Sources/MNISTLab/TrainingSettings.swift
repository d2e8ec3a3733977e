import BackpropEngine
import Localization

/// Everything that decides the result of a training run: the same settings on the same
/// data give the same network, bit for bit (`mnist train`'s flags, minus where output goes).
public struct TrainingSettings: Codable, Equatable, Sendable {
    /// Neurons per layer, input first; MNIST needs 784 inputs and 10 outputs.
    public var sizes: [Int]
    /// Passes over the training data.
    public var epochs: Int
    /// Mini-batch size m.
    public var batch: Int
    /// Learning rate η.
    public var eta: Double
    /// The cost function.
    public var cost: Cost
    /// L2 regularization λ (0: chapter 1's plain SGD).
    public var lambda: Double
    /// How the weights start.
    public var initializer: String
    /// Seed of the initial weights and of every epoch's shuffle.
    public var seed: UInt64
    /// How many training examples were used (the first `limit` of the 50,000).
    public var trainingCount: Int
    /// Which set each epoch is scored on: "validation" or "test".
    public var evaluation: String
    /// How many of that set's examples are scored (its first ones; 10,000 = all of it).
    public var evaluationCount: Int

    public init(
        sizes: [Int] = [784, 30, 10], epochs: Int = 30, batch: Int = 10, eta: Double = 3.0,
        cost: Cost = .quadratic, lambda: Double = 0, initializer: Network.Initializer = .large,
        seed: UInt64 = 1, trainingCount: Int = 50_000, evaluation: EvaluationSet = .validation,
        evaluationCount: Int = 10_000
    ) {
        self.sizes = sizes
        self.epochs = epochs
        self.batch = batch
        self.eta = eta
        self.cost = cost
        self.lambda = lambda
        self.initializer = initializer.rawValue
        self.seed = seed
        self.trainingCount = trainingCount
        self.evaluation = evaluation.rawValue
        self.evaluationCount = evaluationCount
    }

    /// The initializer, `.large` if the stored name is unknown.
    public var networkInitializer: Network.Initializer { Network.Initializer(rawValue: initializer) ?? .large }

    /// One line for people: "784,30,10 on 50000 examples: 30 epochs, batch 10, η = 3.0, …".
    public var summary: String { summary(in: .english) }

    /// `summary` in `language`, with the same numbers in the same order.
    public func summary(in language: Language) -> String {
        let sizesText = sizes.map(String.init).joined(separator: ",")
        let decay = lambda == 0 ? "" : ", λ = \(lambda)"
        return language.text(
            "training \(sizesText) on \(trainingCount) MNIST examples: \(epochs) epoch\(epochs == 1 ? "" : "s"), batch \(batch), η = \(eta)\(decay), \(cost.rawValue) cost, \(initializer) init; scoring on \(evaluationCount) \(evaluation) examples",
            "训练 \(sizesText) 网络，用 \(trainingCount) 个 MNIST 样本：\(epochs) 个迭代期，小批量大小 \(batch)，η = \(eta)\(decay.replacingOccurrences(of: ", ", with: "，"))，\(language.phrase("\(cost.rawValue) cost"))，\(language.phrase("\(initializer) initial weights"))；在\(language.phrase(evaluation))的 \(evaluationCount) 个样本上评分")
    }

    /// The most epochs a run may ask for: the book's runs take 30; a million is a typo
    /// that would train forever, not an experiment.
    public static let maximumEpochs = 10_000

    /// Checks that these settings can train a digit classifier on `available` examples.
    ///
    /// - Throws: `TrainingSetupError` naming the flag and the problem.
    public func validate(available: Int, heldOut: Int = 10_000) throws(TrainingSetupError) {
        guard sizes.first == 784 else {
            throw TrainingSetupError("--sizes must start with 784 inputs (one per pixel of a 28×28 digit), got \(sizes.first ?? 0)")
        }
        guard sizes.last == 10 else {
            throw TrainingSetupError("--sizes must end with 10 outputs (one per digit), got \(sizes.last ?? 0)")
        }
        guard (1...Self.maximumEpochs).contains(epochs) else {
            throw TrainingSetupError("--epochs must be between 1 and \(Self.maximumEpochs), got \(epochs)")
        }
        guard eta.isFinite, eta > 0 else { throw TrainingSetupError("--eta must be a positive number, got \(eta)") }
        guard lambda.isFinite, lambda >= 0 else { throw TrainingSetupError("--lambda must be zero or positive, got \(lambda)") }
        guard trainingCount >= 1, trainingCount <= available else {
            throw TrainingSetupError("--limit must be between 1 and \(available) (the training examples there are), got \(trainingCount)")
        }
        guard batch >= 1, batch <= trainingCount else {
            throw TrainingSetupError("--batch must be between 1 and the number of training examples (\(trainingCount)), got \(batch)")
        }
        guard evaluationCount >= 1, evaluationCount <= heldOut else {
            throw TrainingSetupError("--eval-limit must be between 1 and \(heldOut) (the \(evaluation) examples there are), got \(evaluationCount)")
        }
        guard Network.Initializer(rawValue: initializer) != nil else {
            throw TrainingSetupError("--init must be large or scaled, got \(initializer)")
        }
        guard EvaluationSet(rawValue: evaluation) != nil else {
            throw TrainingSetupError("--eval must be validation or test, got \(evaluation)")
        }
    }
}

/// The held-out set a run is scored on.
public enum EvaluationSet: String, CaseIterable, Codable, Sendable {
    /// The last 10,000 of the 60,000 training images (the book's `validation_data`).
    case validation
    /// The 10,000 test images.
    case test
}

/// Settings that cannot train: one line naming the flag and the problem.
public struct TrainingSetupError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension TrainingSettings {
    /// The first setting in which `self` differs from `other`, as the flag and value that
    /// made `self` (e.g. "--eta 3.0"), or `nil` if they agree.
    public func difference(from other: TrainingSettings) -> String? {
        let pairs: [(String, String, String)] = [
            ("--sizes", sizes.map(String.init).joined(separator: ","), other.sizes.map(String.init).joined(separator: ",")),
            ("--epochs", "\(epochs)", "\(other.epochs)"),
            ("--batch", "\(batch)", "\(other.batch)"),
            ("--eta", "\(eta)", "\(other.eta)"),
            ("--cost", cost.rawValue, other.cost.rawValue),
            ("--lambda", "\(lambda)", "\(other.lambda)"),
            ("--init", initializer, other.initializer),
            ("--seed", "\(seed)", "\(other.seed)"),
            ("--limit", "\(trainingCount)", "\(other.trainingCount)"),
            ("--eval", evaluation, other.evaluation),
            ("--eval-limit", "\(evaluationCount)", "\(other.evaluationCount)"),
        ]
        return pairs.first { $0.1 != $0.2 }.map { "\($0.0) \($0.1), not \($0.2)" }
    }
}
