import BackpropEngine

/// Online learning (mini-batch size 1) against larger mini-batches: the same network,
/// the same data, the same η and the same number of epochs, only the mini-batch size
/// changes. Each run starts from identical weights and shuffles with the same seed.
public enum BatchSizeComparison {
    /// What one mini-batch size did.
    public struct Run: Sendable, Equatable {
        public var miniBatchSize: Int
        /// Gradient steps per epoch: ⌈n / m⌉.
        public var updatesPerEpoch: Int
        /// Test examples classified correctly after each epoch.
        public var correctAfterEpoch: [Int]
        /// The training cost after the last epoch.
        public var finalCost: Double
        /// Seconds spent training.
        public var seconds: Double
    }

    /// Trains one copy of `network` per mini-batch size.
    ///
    /// - Throws: `TrainingError` if training diverges or the settings are invalid.
    public static func run(
        network: Network, training: [Example], test: [LabeledExample],
        miniBatchSizes: [Int], epochs: Int, eta: Double, seed: UInt64
    ) throws(TrainingError) -> [Run] {
        var runs: [Run] = []
        for m in miniBatchSizes {
            var net = network
            var generator = SeededGenerator(seed: seed)
            let reports = try net.sgd(trainingData: training, epochs: epochs, miniBatchSize: m, eta: eta,
                                      testData: test, generator: &generator)
            runs.append(Run(
                miniBatchSize: m,
                updatesPerEpoch: (training.count + m - 1) / max(m, 1),
                correctAfterEpoch: reports.compactMap(\.correct),
                finalCost: net.totalCost(training),
                seconds: reports.reduce(0) { $0 + $1.seconds }
            ))
        }
        return runs
    }
}
