import BackpropEngine
import Datasets
import FastEngine
import Foundation
import MNISTLab

/// The full chapter 1 run — [784, 30, 10], 30 epochs, batch 10 (or `--batch`), η = 3.0, the 10,000 test
/// images evaluated after every epoch — on the fast engine, with its time and the
/// process's peak resident memory (VmHWM). Run in a child process so that the memory
/// is this run's alone, not the benchmark's.
struct FullRun {
    let dataFlag: String?
    let epochs: Int
    /// The mini-batch size m.
    let batch: Int
    let seed: UInt64
    let precision: Precision
    /// Threads the fast engine trains on.
    let threads: Int
    /// Train on the first `limit` training images (all 50,000 when nil).
    let limit: Int?

    /// Loads and packs the data, trains, and prints `key value` lines for the parent.
    func runAndReport() throws {
        let loadStart = ContinuousClock.now
        let (training, test) = try FullRun.packedMNIST(dataFlag: dataFlag, sizes: [784, 30, 10], limit: limit)
        let loadSeconds = elapsedSeconds(since: loadStart)
        var generator = SeededGenerator(seed: seed)
        var network = FastNetwork(try Network(sizes: [784, 30, 10], generator: &generator), precision: precision)
        network.threads = threads
        let start = ContinuousClock.now
        let reports = try network.sgd(trainingSet: training, epochs: epochs, miniBatchSize: batch, eta: 3.0,
                                      testSet: test, generator: &generator)
        let total = elapsedSeconds(since: start)
        print("training-images \(training.count)")
        print("load-seconds \(loadSeconds)")
        print("total-seconds \(total)")
        print("training-seconds \(reports.reduce(0) { $0 + $1.seconds })")
        print("final-correct \(reports.last?.correct ?? 0)")
        print("best-correct \(reports.compactMap(\.correct).max() ?? 0)")
        print("density \(training.density)")
        print("peak-kb \(FullRun.peakResidentKilobytes() ?? -1)")
        print("one-thread-batches \(network.batchesOnOneThread)")
    }

    /// The book's training and test sets packed for the fast engine straight from the raw
    /// bytes, never holding them as `[Example]` (320 MB of `Double`s).
    static func packedMNIST(dataFlag: String?, sizes: [Int], limit: Int? = nil) throws(DatasetError) -> (PackedDataSet, PackedDataSet) {
        let (mnist, _) = try MNIST.load(dataFlag: dataFlag)
        let range = mnist.trainingRange.prefix(limit ?? Int.max)
        return (mnist.trainingSet.packedTraining(range, sizes: sizes),
                mnist.testSet.packedLabeled(0..<mnist.testSet.count, sizes: sizes))
    }

    /// VmHWM from /proc/self/status: the most resident memory this process has had.
    static func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// Runs `bench --full-run` as a child process and returns its figures.
    static func inChildProcess(dataDirectory: String, epochs: Int, batch: Int, seed: UInt64, precision: Precision,
                               threads: Int, limit: Int?) throws -> FullRunReport {
        let output = try runProcess("/proc/self/exe", ["--full-run", "--data", dataDirectory, "--full-epochs", String(epochs),
                                                       "--batch", String(batch),
                                                       "--seed", String(seed), "--precision", precision.rawValue,
                                                       "--threads", String(threads)] + (limit.map { ["--limit", String($0)] } ?? []))
        var figures: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 2, let value = Double(words[1]) { figures[String(words[0])] = value }
        }
        func figure(_ key: String) -> Double { figures[key] ?? .nan }
        func count(_ key: String) -> Int { figure(key).isFinite ? Int(figure(key)) : 0 }
        return FullRunReport(precision: precision.rawValue, threads: FastNetwork.trainingThreads(threads, miniBatchSize: batch),
                             epochs: epochs, batch: batch, trainingImages: count("training-images"),
                             loadSeconds: figure("load-seconds"),
                             totalSeconds: figure("total-seconds"), trainingSeconds: figure("training-seconds"),
                             finalCorrect: count("final-correct"), bestCorrect: count("best-correct"),
                             density: figure("density"), peakMegabytes: figure("peak-kb") / 1024,
                             batchesOnOneThread: count("one-thread-batches"))
    }
}
