import BackpropEngine
import FastEngine
import Foundation

/// Which implementation trains and scores the network. Every engine trains the same
/// `Network` with the same shuffles, so a run's settings, not its engine, decide what
/// it learns (up to floating-point rounding).
public enum Engine: String, CaseIterable, Codable, Sendable {
    /// `BackpropEngine`'s `Network.sgd`: `network.py`, one example at a time.
    case textbook
    /// `FastEngine`'s `FastNetwork.sgd`: the same arithmetic a mini-batch at a time in
    /// matrix form, scored on every core — in Double, bit for bit the textbook's numbers.
    case fast
    /// The fast engine in Float: the same run to Float's precision (see `Precision`).
    case fastFloat = "fast-float"

    /// The fast engine's precision, nil for the textbook engine.
    public var precision: Precision? {
        switch self {
        case .textbook: nil
        case .fast: .double
        case .fastFloat: .float
        }
    }

    /// How many threads the fast engines train on within the scope of
    /// `Engine.$threads.withValue(n) { … }` (`mnist train --threads`, one per core by
    /// default); one otherwise, as `FastNetwork.threads`. The weights do not depend on it.
    @TaskLocal public static var threads: Int = 1

    /// The threads this engine trains on with batches of `miniBatchSize`, within the
    /// current `Engine.threads`: the fast engines' `FastNetwork.trainingThreads`, one for
    /// the textbook engine.
    public func trainingThreads(miniBatchSize: Int) -> Int {
        precision == nil ? 1 : FastNetwork.trainingThreads(Engine.threads, miniBatchSize: miniBatchSize)
    }

    /// Runs one epoch of mini-batch SGD on `network`, shuffling with `generator`, the fast
    /// engines on `Engine.threads` threads. Returns the mini-batches the threads left to
    /// one thread because other programs kept the cores busy
    /// (`FastNetwork.batchesOnOneThread`; 0 for the textbook engine).
    ///
    /// - Throws: `TrainingError.nonFinite` (numbered epoch 0 — the caller renumbers) if a
    ///   weight became NaN or infinite.
    @discardableResult
    public func trainEpoch(
        _ network: inout Network,
        data: EpochData,
        batch: Int,
        eta: Double,
        lambda: Double,
        generator: inout SeededGenerator,
        onMiniBatch: @escaping (Int, Int) -> Void
    ) throws(TrainingError) -> Int {
        switch (precision, data) {
        case (nil, .examples(let training, _)):
            try network.sgd(
                trainingData: training, epochs: 1, miniBatchSize: batch, eta: eta, lambda: lambda,
                generator: &generator, onMiniBatch: onMiniBatch
            )
            return 0
        case (let precision?, _):
            var fast = FastNetwork(network, precision: precision)
            fast.threads = Engine.threads
            try fast.sgd(
                trainingSet: data.packedTraining(sizes: network.sizes), epochs: 1, miniBatchSize: batch, eta: eta,
                lambda: lambda, generator: &generator, onMiniBatch: onMiniBatch
            )
            network = fast.network
            return fast.batchesOnOneThread
        case (nil, .packed):
            throw .invalidHyperparameters("the textbook engine trains on examples, not on a packed data set")
        }
    }

    /// How many of the held-out examples the network classifies correctly (`network.py`'s `evaluate`).
    public func evaluate(_ network: Network, on data: EpochData) -> Int {
        switch (precision, data) {
        case (nil, .examples(_, let heldOut)):
            network.evaluate(heldOut)
        case (let precision?, _):
            FastNetwork(network, precision: precision).evaluate(data.packedHeldOut(sizes: network.sizes)) ?? 0
        case (nil, .packed):
            0
        }
    }
}

/// A run's training and held-out data in the form its engine reads: arrays of examples
/// (the textbook engine), or packed once for the fast engine (`PackedDataSet`), so that
/// no epoch packs them again and full MNIST needs no `[Example]` arrays at all.
public enum EpochData: Sendable {
    case examples(training: [Example], heldOut: [LabeledExample])
    case packed(training: PackedDataSet, heldOut: PackedDataSet)

    /// `examples` packed for the fast engine if `engine` is one (done once per run).
    public init(training: [Example], heldOut: [LabeledExample], for engine: Engine, sizes: [Int]) {
        if engine.precision == nil {
            self = .examples(training: training, heldOut: heldOut)
        } else {
            self = .packed(training: PackedDataSet(training, sizes: sizes), heldOut: PackedDataSet(heldOut, sizes: sizes))
        }
    }

    /// How many training examples.
    public var trainingCount: Int {
        switch self {
        case .examples(let training, _): training.count
        case .packed(let training, _): training.count
        }
    }

    /// How many held-out examples.
    public var heldOutCount: Int {
        switch self {
        case .examples(_, let heldOut): heldOut.count
        case .packed(_, let heldOut): heldOut.count
        }
    }

    func packedTraining(sizes: [Int]) -> PackedDataSet {
        switch self {
        case .examples(let training, _): PackedDataSet(training, sizes: sizes)
        case .packed(let training, _): training
        }
    }

    func packedHeldOut(sizes: [Int]) -> PackedDataSet {
        switch self {
        case .examples(_, let heldOut): PackedDataSet(heldOut, sizes: sizes)
        case .packed(_, let heldOut): heldOut
        }
    }
}
