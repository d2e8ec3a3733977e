import BackpropEngine

/// A training run that advances one epoch at a time, so it can be checkpointed after
/// any epoch and resumed with exactly the result an uninterrupted run would have had.
///
/// Randomness: the initial weights come from `SeededGenerator(seed: settings.seed)`;
/// epoch j shuffles with its own generator, `epochGenerator(seed:epoch:)`. The state of
/// the random stream at the start of any epoch is therefore fixed by (seed, j), and a
/// checkpoint only has to record the seed and the number of epochs done.
public struct TrainingRun: Sendable {
    /// The settings the run was started with.
    public let settings: TrainingSettings
    /// The network as it stands after the last finished epoch.
    public private(set) var network: Network
    /// One result per finished epoch, in order.
    public private(set) var history: [EpochResult]
    /// The mini-batches this process trained on one thread instead of the fast engine's
    /// threads, because other programs kept the cores busy (`FastNetwork.batchesOnOneThread`).
    /// Not part of the checkpoint: it says how this process's times were made, not what
    /// the run learned.
    public private(set) var batchesOnOneThread = 0

    /// A new run: a network with random weights drawn from `settings.seed`.
    public init(settings: TrainingSettings) throws(TrainingSetupError) {
        do {
            network = try Network(
                sizes: settings.sizes, initializer: settings.networkInitializer,
                cost: settings.cost, seed: settings.seed
            )
        } catch {
            throw TrainingSetupError("--sizes: \(error)")
        }
        self.settings = settings
        history = []
    }

    /// A run continued from a checkpoint.
    public init(resuming checkpoint: Checkpoint) {
        settings = checkpoint.settings
        network = checkpoint.network
        history = checkpoint.history
    }

    /// The number of the next epoch to train (= epochs done).
    public var nextEpoch: Int { history.count }

    /// Whether every epoch of `settings.epochs` is done.
    public var isFinished: Bool { nextEpoch >= settings.epochs }

    /// The state to save so the run can be resumed.
    public var checkpoint: Checkpoint { Checkpoint(network: network, settings: settings, history: history) }

    /// The generator epoch `epoch` of a run seeded with `seed` shuffles with.
    ///
    /// Its seed mixes `seed` and `epoch` with SplitMix64's finalizer, so neighbouring
    /// seeds and epochs give unrelated shuffles.
    public static func epochGenerator(seed: UInt64, epoch: Int) -> SeededGenerator {
        var z = seed ^ (UInt64(truncatingIfNeeded: epoch + 1) &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return SeededGenerator(seed: z ^ (z >> 31))
    }

    /// Trains the next epoch on `data` with `engine`, then scores the network on `heldOut`.
    ///
    /// - Parameter onMiniBatch: called after each mini-batch with (done, total).
    /// - Throws: `TrainingError.nonFinite` naming this epoch if a weight became NaN or
    ///   infinite; the run keeps the network of the previous epoch.
    @discardableResult
    public mutating func trainEpoch(
        on data: [Example],
        scoringOn heldOut: [LabeledExample],
        engine: Engine,
        onMiniBatch: @escaping (Int, Int) -> Void = { _, _ in }
    ) throws(TrainingError) -> EpochResult {
        try trainEpoch(on: EpochData(training: data, heldOut: heldOut, for: engine, sizes: network.sizes),
                       engine: engine, onMiniBatch: onMiniBatch)
    }

    /// Trains the next epoch on `data`'s training set with `engine`, then scores the
    /// network on its held-out set.
    @discardableResult
    public mutating func trainEpoch(
        on data: EpochData,
        engine: Engine,
        onMiniBatch: @escaping (Int, Int) -> Void = { _, _ in }
    ) throws(TrainingError) -> EpochResult {
        let epoch = nextEpoch
        var generator = Self.epochGenerator(seed: settings.seed, epoch: epoch)
        var next = network
        let start = ContinuousClock.now
        do {
            batchesOnOneThread += try engine.trainEpoch(
                &next, data: data, batch: settings.batch, eta: settings.eta, lambda: settings.lambda,
                generator: &generator, onMiniBatch: onMiniBatch
            )
        } catch {
            if case .nonFinite = error { throw .nonFinite(epoch: epoch, eta: settings.eta) }
            throw error
        }
        let elapsed = start.duration(to: .now)
        let seconds = elapsed.inSeconds
        network = next
        let result = EpochResult(
            epoch: epoch, correct: engine.evaluate(network, on: data), total: data.heldOutCount, seconds: seconds
        )
        history.append(result)
        return result
    }

    /// The epoch with the most correct answers (the first, on a tie), if any.
    public var best: EpochResult? {
        history.reduce(nil) { best, result in
            guard let best, best.correct >= result.correct else { return result }
            return best
        }
    }
}
