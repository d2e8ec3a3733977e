import CommandLineSupport
import FastEngine
import Foundation
import JSONOutput
import Rendering

/// What one `bench` run measured: the table's rows and the full runs, with the machine,
/// kernels and threads they ran on. `--format json` prints it as is; the text form is the
/// table people read (README "Speed" shows one).
struct BenchReport: Encodable {
    var seed: UInt64
    /// The MNIST directory the images came from.
    var data: String
    var trainingImages: Int
    /// The mini-batch size m of every timed run.
    var batch: Int
    var eta: Double
    /// `KernelSet.machine`: the CPU, its cores and the vector extensions it reports.
    var machine: String
    var kernels: String
    var kernelsReason: String
    var cores: Int
    /// The threads asked for (`--threads`, one per core by default).
    var threadsAsked: Int
    /// The threads the fast engine trains on (`FastNetwork.trainingThreads`): fewer than
    /// asked for batches of more than `FastNetwork.maximumThreadedBatch`.
    var threads: Int
    /// `HandOver.roundTripNanoseconds()` before the first timed row and after the last
    /// (null on one thread): 311–394 ns instead of 65–97 ns on README's VM meant its CPUs
    /// were far apart and two-thread epochs about 1.4× slower.
    @NullWhenAbsent var handOverNanosecondsBefore: Double?
    @NullWhenAbsent var handOverNanosecondsAfter: Double?
    var rows: [BenchRow] = []
    var fullRuns: [FullRunReport] = []

    /// The lines printed before the timings start.
    var header: String {
        """
        data: \(data); training on the first \(trainingImages) images, batch \(batch), η = \(eta)
        machine: \(machine)
        kernels: \(kernels) (\(kernelsReason)); fast engine on \(threads) thread\(threads == 1 ? "" : "s") of \(cores) cores\
        \(threads < threadsAsked ? " (batches of more than \(FastNetwork.maximumThreadedBatch) train on one)" : "")
        """ + (Self.handOverLine(handOverNanosecondsBefore, "before").map { "\n" + $0 } ?? "")
    }

    /// "hand-over between the threads: N ns round trip before/after the timings", or nil.
    static func handOverLine(_ nanoseconds: Double?, _ when: String) -> String? {
        nanoseconds.map { "hand-over between the threads: \(Int($0.rounded())) ns round trip \(when) the timings" }
    }

    /// The table of `rows`, what its columns mean (the dense and NumPy rows' lines only
    /// when the table has them), and a note for each fast row whose threads stepped aside
    /// for a busy machine.
    var table: String {
        var table = TextTable(header: ["network", "engine", "epochs", "s / epoch", "CPU s / epoch", "× fast", "correct after epoch 1"])
        for row in rows { table.append(row.cells) }
        let engines = Set(rows.map(\.engine))
        var lines = [table.render(),
                     "s / epoch: the fastest epoch's training time (wall clock); CPU s / epoch: the fastest epoch's CPU time (all threads);"]
        if engines.contains("fast dense") {
            lines.append("fast dense: the same images with a faint background on the middle rows' zero pixels (about half the pixels non-zero, like Fashion-MNIST).")
        }
        if engines.contains("numpy") || engines.contains("numpy per example") {
            lines.append("numpy: each mini-batch as one matrix (one BLAS thread); numpy per example: network.py's form, backprop one example at a time and ∇ summed.")
        }
        lines.append("× fast compares s / epoch with the first fast row of the network. Same seed: both Swift engines train the same network bit for bit (fast Float: to Float's precision).")
        if let after = Self.handOverLine(handOverNanosecondsAfter, "after") { lines.append(after) }
        lines += rows.compactMap { row in
            ThreadsOption.busyCoresNote(batches: row.batchesOnOneThread, threads: threads).map { "\(row.networkName) \(row.engine) — \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}

/// One row of the table: an engine's fastest epoch on one network, or why it was skipped.
struct BenchRow: Encodable {
    var network: [Int]
    /// fast, fast Float, fast dense, textbook, numpy or numpy per example.
    var engine: String
    @NullWhenAbsent var epochs: Int?
    /// The fastest epoch's training time (wall clock).
    @NullWhenAbsent var seconds: Double?
    /// The fastest epoch's CPU time, all threads.
    @NullWhenAbsent var cpuSeconds: Double?
    /// `seconds` over the network's first fast row's.
    @NullWhenAbsent var timesFast: Double?
    /// Test images right after the first epoch, of 10,000.
    @NullWhenAbsent var correctAfterFirstEpoch: Int?
    /// Mini-batches the fast engine's threads left to one thread (a busy machine).
    var batchesOnOneThread = 0
    /// Why the row has no figures (the NumPy reference could not run).
    @NullWhenAbsent var skipped: String?

    init(network: [Int], engine: String, _ result: EpochTiming.Result, fastSeconds: Double) {
        self.network = network
        self.engine = engine
        epochs = result.epochs
        seconds = result.seconds
        cpuSeconds = result.cpuSeconds
        timesFast = result.seconds / fastSeconds
        correctAfterFirstEpoch = result.firstCorrect
        batchesOnOneThread = result.batchesOnOneThread
    }

    init(network: [Int], engine: String, skipped reason: String) {
        self.network = network
        self.engine = engine
        skipped = reason
    }

    var networkName: String { network.map(String.init).joined(separator: ",") }

    var cells: [String] {
        guard let epochs, let seconds, let cpuSeconds, let timesFast else {
            return [networkName, engine, "—", "—", "—", "—", "skipped: \(skipped ?? "")"]
        }
        return [networkName, engine, String(epochs), String(format: "%.4f", seconds), String(format: "%.4f", cpuSeconds),
                String(format: "%.1f", timesFast), correctAfterFirstEpoch.map { "\($0) / 10000" } ?? "—"]
    }
}

/// The chapter's full run in a child process (`FullRun`): its times, accuracy and peak memory.
struct FullRunReport: Encodable {
    var network = [784, 30, 10]
    var precision: String
    var threads: Int
    var epochs: Int
    var batch: Int
    var trainingImages: Int
    var testImages = 10_000
    var loadSeconds: Double
    /// Training and evaluating after every epoch.
    var totalSeconds: Double
    var trainingSeconds: Double
    var finalCorrect: Int
    var bestCorrect: Int
    /// The fraction of input pixels that are non-zero.
    var density: Double
    /// VmHWM, the child's peak resident memory.
    var peakMegabytes: Double
    var batchesOnOneThread: Int

    var text: String {
        var lines = [
            "full run (child process): 784,30,10 in \(precision) on \(threads) thread\(threads == 1 ? "" : "s"), \(epochs) epoch\(epochs == 1 ? "" : "s"), batch \(batch), η = 3.0, \(trainingImages == 50_000 ? "" : "the first \(trainingImages) training images, ")10,000 test images evaluated after every epoch",
            String(format: "  data loaded and packed in %.2f s (%.1f%% of input pixels non-zero)", loadSeconds, 100 * density),
            String(format: "  training + evaluation: %.2f s (training alone %.2f s); accuracy after the last epoch %d / 10000, best %d",
                   totalSeconds, trainingSeconds, finalCorrect, bestCorrect),
            String(format: "  peak resident memory (VmHWM): %.1f MB", peakMegabytes),
        ]
        if let note = ThreadsOption.busyCoresNote(batches: batchesOnOneThread, threads: threads) { lines.append("  \(note)") }
        return lines.joined(separator: "\n")
    }
}
