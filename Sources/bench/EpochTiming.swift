import BackpropEngine
import FastEngine

/// Seconds per training epoch of each Swift engine, from the same network and seed.
struct EpochTiming {
    /// What one engine did: its fastest epoch and the test score after epoch 1.
    struct Result {
        var epochs: Int
        /// The fastest epoch's training time (evaluation not counted).
        var seconds: Double
        var firstCorrect: Int?
    }

    let network: Network
    let training: [Example]
    let test: [LabeledExample]
    let seed: UInt64

    func fast(epochs: Int) throws(TrainingError) -> Result {
        var fast = FastNetwork(network)
        var generator = SeededGenerator(seed: seed)
        return summary(try fast.sgd(trainingData: training, epochs: epochs, miniBatchSize: 10, eta: 3.0,
                                    testData: test, generator: &generator))
    }

    func textbook(epochs: Int) throws(TrainingError) -> Result {
        var textbook = network
        var generator = SeededGenerator(seed: seed)
        return summary(try textbook.sgd(trainingData: training, epochs: epochs, miniBatchSize: 10, eta: 3.0,
                                        testData: test, generator: &generator))
    }

    private func summary(_ reports: [EpochReport]) -> Result {
        Result(epochs: reports.count, seconds: reports.map(\.seconds).min() ?? 0, firstCorrect: reports.first?.correct)
    }
}
