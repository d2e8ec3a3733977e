import BackpropEngine
import FastEngine
import Foundation

/// Seconds per training epoch of each Swift engine, from the same network and seed.
///
/// Each epoch is one `sgd(epochs: 1)` call on the same generator (the same run as one
/// `sgd(epochs: N)` call), timed twice: wall-clock (the engine's own `EpochReport`) and
/// the process's CPU time (every thread's), which other processes on a busy machine
/// disturb less.
/// The test set is scored once, after the first epoch, outside the timings.
struct EpochTiming {
    /// What one engine did: its fastest epoch and the test score after epoch 1.
    struct Result {
        var epochs: Int
        /// The fastest epoch's wall-clock training time (evaluation not counted).
        var seconds: Double
        /// The fastest epoch's CPU time (training only).
        var cpuSeconds: Double
        var firstCorrect: Int?
        /// Mini-batches the fast engine's threads left to one thread over all the epochs,
        /// because other programs kept the cores busy (`FastNetwork.batchesOnOneThread`).
        var batchesOnOneThread = 0
    }

    let network: Network
    let training: [Example]
    let test: [LabeledExample]
    let seed: UInt64
    /// The mini-batch size m of every epoch.
    let batch: Int
    /// Threads the fast engine trains on.
    let threads: Int
    /// Called with (epoch, epochs) before each timed epoch, outside the timings: progress
    /// for people.
    var onEpoch: (Int, Int) -> Void = { _, _ in }

    /// The fast engine's epochs; with `dense`, on the images made dense (`denseInput`).
    func fast(epochs: Int, precision: Precision = .double, dense: Bool = false) throws(TrainingError) -> Result {
        var fast = FastNetwork(network, precision: precision)
        fast.threads = threads
        let data = dense ? PackedDataSet(count: training.count, sizes: network.sizes,
                                         input: { EpochTiming.denseInput(training[$0].x) }, target: { training[$0].y })
                         : PackedDataSet(training, sizes: network.sizes)
        let testSet = dense ? PackedDataSet(count: test.count, sizes: network.sizes,
                                            input: { EpochTiming.denseInput(test[$0].x) }, label: { test[$0].label })
                            : PackedDataSet(test, sizes: network.sizes)
        var oneThread = 0
        var result = try measure(epochs: epochs, score: { fast.evaluate(testSet) }) { generator throws(TrainingError) in
            let reports = try fast.sgd(trainingSet: data, epochs: 1, miniBatchSize: batch, eta: 3.0, generator: &generator)
            oneThread += fast.batchesOnOneThread
            return reports
        }
        result.batchesOnOneThread = oneThread
        return result
    }

    /// An MNIST image made about as dense as Fashion-MNIST (about half the pixels
    /// non-zero): the zero pixels of rows 6 to 19 (the middle half of the image) get a
    /// faint 0.02 background. A stand-in for dense data when only MNIST is at hand.
    static func denseInput(_ x: Vector) -> Vector {
        Vector(x.elements.enumerated().map { k, value in value == 0 && (6 * 28 ..< 20 * 28).contains(k) ? 0.02 : value })
    }

    func textbook(epochs: Int) throws(TrainingError) -> Result {
        var textbook = network
        return try measure(epochs: epochs, score: { textbook.evaluate(test) }) { generator throws(TrainingError) in
            try textbook.sgd(trainingData: training, epochs: 1, miniBatchSize: batch, eta: 3.0, generator: &generator)
        }
    }

    /// Runs `epoch` `epochs` times on one generator, calling `score` after the first.
    private func measure(epochs: Int, score: () -> Int?,
                         _ epoch: (inout SeededGenerator) throws(TrainingError) -> [EpochReport]) throws(TrainingError) -> Result {
        var generator = SeededGenerator(seed: seed)
        var wall: [Double] = [], cpu: [Double] = []
        var firstCorrect: Int?
        for index in 0..<epochs {
            onEpoch(index + 1, epochs)
            let start = processCPUSeconds()
            let reports = try epoch(&generator)
            cpu.append(processCPUSeconds() - start)
            wall += reports.map(\.seconds)
            if index == 0 { firstCorrect = score() }
        }
        return Result(epochs: wall.count, seconds: wall.min() ?? 0, cpuSeconds: cpu.min() ?? 0, firstCorrect: firstCorrect)
    }
}

/// The CPU time this process (all its threads) has used, in seconds.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}
