import BackpropEngine
import FastEngine

/// Which implementation trains and scores the network. Every engine trains the same
/// `Network` with the same shuffles, so a run's settings, not its engine, decide what
/// it learns (up to floating-point rounding).
public enum Engine: String, CaseIterable, Codable, Sendable {
    /// `BackpropEngine`'s `Network.sgd`: `network.py`, one example at a time.
    case textbook
    /// `FastEngine`'s `FastNetwork.sgd`: the same arithmetic a mini-batch at a time in
    /// matrix form, scored on every core.
    case fast

    /// Runs one epoch of mini-batch SGD on `network`, shuffling with `generator`.
    ///
    /// - Throws: `TrainingError.nonFinite` (numbered epoch 0 — the caller renumbers) if a
    ///   weight became NaN or infinite.
    public func trainEpoch(
        _ network: inout Network,
        data: [Example],
        batch: Int,
        eta: Double,
        lambda: Double,
        generator: inout SeededGenerator,
        onMiniBatch: @escaping (Int, Int) -> Void
    ) throws(TrainingError) {
        switch self {
        case .textbook:
            try network.sgd(
                trainingData: data, epochs: 1, miniBatchSize: batch, eta: eta, lambda: lambda,
                generator: &generator, onMiniBatch: onMiniBatch
            )
        case .fast:
            var fast = FastNetwork(network)
            try fast.sgd(
                trainingData: data, epochs: 1, miniBatchSize: batch, eta: eta, lambda: lambda,
                generator: &generator, onMiniBatch: onMiniBatch
            )
            network = fast.network
        }
    }

    /// How many of `data` the network classifies correctly (`network.py`'s `evaluate`).
    public func evaluate(_ network: Network, on data: [LabeledExample]) -> Int {
        switch self {
        case .textbook:
            network.evaluate(data)
        case .fast:
            FastNetwork(network).evaluate(data)
        }
    }
}
