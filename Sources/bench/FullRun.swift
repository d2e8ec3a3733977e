import BackpropEngine
import CommandLineSupport
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

    /// Loads and packs the data, trains, and prints `key value` lines for the parent.
    func runAndReport() throws {
        let loadStart = ContinuousClock.now
        let (training, test) = try FullRun.packedMNIST(dataFlag: dataFlag, sizes: [784, 30, 10])
        let loadSeconds = elapsedSeconds(since: loadStart)
        var generator = SeededGenerator(seed: seed)
        var network = FastNetwork(try Network(sizes: [784, 30, 10], generator: &generator), precision: precision)
        network.threads = threads
        let start = ContinuousClock.now
        let reports = try network.sgd(trainingSet: training, epochs: epochs, miniBatchSize: batch, eta: 3.0,
                                      testSet: test, generator: &generator)
        let total = elapsedSeconds(since: start)
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
    static func packedMNIST(dataFlag: String?, sizes: [Int]) throws(DatasetError) -> (PackedDataSet, PackedDataSet) {
        let (mnist, _) = try MNIST.load(dataFlag: dataFlag)
        return (mnist.trainingSet.packedTraining(mnist.trainingRange, sizes: sizes),
                mnist.testSet.packedLabeled(0..<mnist.testSet.count, sizes: sizes))
    }

    /// VmHWM from /proc/self/status: the most resident memory this process has had.
    static func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// Runs `bench --full-run` as a child process and prints its figures.
    static func inChildProcess(dataDirectory: String, epochs: Int, batch: Int, seed: UInt64, precision: Precision,
                               threads: Int) throws {
        let output = try runProcess("/proc/self/exe", ["--full-run", "--data", dataDirectory, "--full-epochs", String(epochs),
                                                       "--batch", String(batch),
                                                       "--seed", String(seed), "--precision", precision.rawValue,
                                                       "--threads", String(threads)])
        var figures: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 2, let value = Double(words[1]) { figures[String(words[0])] = value }
        }
        func figure(_ key: String) -> Double { figures[key] ?? .nan }
        let training = FastNetwork.trainingThreads(threads, miniBatchSize: batch)
        print("full run (child process): 784,30,10 in \(precision.rawValue) on \(training) thread\(training == 1 ? "" : "s"), \(epochs) epoch\(epochs == 1 ? "" : "s"), batch \(batch), η = 3.0, 10,000 test images evaluated after every epoch")
        print(String(format: "  data loaded and packed in %.2f s (%.1f%% of input pixels non-zero)",
                     figure("load-seconds"), 100 * figure("density")))
        print(String(format: "  training + evaluation: %.2f s (training alone %.2f s); accuracy after the last epoch %d / 10000, best %d",
                     figure("total-seconds"), figure("training-seconds"),
                     Int(figure("final-correct").isFinite ? figure("final-correct") : 0),
                     Int(figure("best-correct").isFinite ? figure("best-correct") : 0)))
        print(String(format: "  peak resident memory (VmHWM): %.1f MB", figure("peak-kb") / 1024))
        let oneThread = figure("one-thread-batches")
        if oneThread.isFinite, let note = ThreadsOption.busyCoresNote(batches: Int(oneThread), threads: training) {
            print("  \(note)")
        }
    }
}
