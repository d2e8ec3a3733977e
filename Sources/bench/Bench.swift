import ArgumentParser
import BackpropEngine
import CommandLineSupport
import Datasets
import FastEngine
import Foundation
import Rendering

/// Times the fast engine against the textbook engine and the NumPy reference
/// (`Benchmarks/numpy_reference.py`, vectorised and in network.py's per-example form) on
/// real MNIST, and measures a full 30-epoch training run (time and peak memory) in a child
/// process. Figures for README's "Speed" section come from here, built in release:
///
///     swift run -c release bench --data ../shared/data/mnist
///
/// `--format json` prints the same figures as one `BenchReport` for scripts; `--limit N`
/// trains every run on the first N images for a quick look. On a terminal a status line
/// says what is being timed, redrawn between epochs, never inside a timed one.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Seconds per MNIST epoch: fast engine vs textbook engine vs NumPy; and a full 30-epoch run's time and peak memory."
    )

    @OptionGroup var directory: MNISTDirectoryOption

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Epochs timed for the fast engine (the table shows the fastest).")
    var epochsFast = 5

    @Option(help: "Epochs timed for the textbook engine (slow: about 2 s each or more).")
    var epochsTextbook = 1

    @Option(help: "Epochs timed for the NumPy reference, each mini-batch as one matrix (0 skips it).")
    var epochsNumpy = 1

    @Option(help: "Epochs timed for the NumPy reference in network.py's form, backprop one example at a time (slow: about 3 s each for 784,30,10; 0 skips it).")
    var epochsNumpyPerExample = 1

    @Option(help: "The NumPy reference script.")
    var numpyScript = "Benchmarks/numpy_reference.py"

    @Option(help: "Epochs of the full run (0 skips it).")
    var fullEpochs = 30

    @Option(help: "Mini-batch size m of every timed run (chapter 1's is 10).")
    var batch = 10

    @Option(help: "Train every run on the first N of the 50,000 training images (default: all; scores stay on the 10,000 test images).")
    var limit: Int?

    @Option(name: .customLong("sizes"), help: "A network to time, 784 inputs and 10 outputs (repeatable).")
    var networks: [LayerSizes] = [LayerSizes([784, 30, 10]), LayerSizes([784, 100, 10])]

    @Option(name: .customLong("fast-precision"), help: "A precision to time the fast engine in (repeatable).")
    var fastPrecisions: [Precision] = Precision.allCases

    @Flag(help: "Run only the full training run and print its figures (what the parent runs as a child process).")
    var fullRun = false

    @Option(help: "Precision of the full run with --full-run: double or float (the parent runs each --fast-precision).")
    var precision: Precision = .double

    @OptionGroup var threadsOption: ThreadsOption

    @OptionGroup var output: FormatOption

    func validate() throws {
        try requireAtLeast(epochsFast, 1, "--epochs-fast")
        try requireAtLeast(epochsTextbook, 0, "--epochs-textbook")
        try requireAtLeast(epochsNumpy, 0, "--epochs-numpy")
        try requireAtLeast(epochsNumpyPerExample, 0, "--epochs-numpy-per-example")
        try requireAtLeast(fullEpochs, 0, "--full-epochs")
        try requireAtLeast(batch, 1, "--batch")
        if let limit { try requireWithin(limit, 1...50_000, "--limit") }
        for sizes in networks where sizes.values.first != 784 || sizes.values.last != 10 {
            throw ValidationError("--sizes \(sizes): MNIST networks have 784 inputs and 10 outputs")
        }
        if fastPrecisions.isEmpty { throw ValidationError("--fast-precision: give at least one of double, float") }
    }

    mutating func run() throws {
        let threads = threadsOption.count
        if !fullRun, let warning = threadsOption.oversubscriptionWarning() { Terminal.printError(warning) }
        if fullRun {
            try FullRun(dataFlag: directory.data, epochs: fullEpochs, batch: batch, seed: seedOption.seed, precision: precision,
                        threads: threads, limit: limit).runAndReport()
            return
        }
        _ = seedOption.makeGenerator(announce: output.isText)
        let (mnist, location) = try MNIST.load(dataFlag: directory.data)
        let kernels = KernelSet.automatic
        let training = mnist.makeTraining(limit: limit)
        var report = BenchReport(seed: seedOption.seed, data: location.directory, trainingImages: training.count,
                                 batch: batch, eta: 3.0, machine: KernelSet.machine, kernels: kernels.name,
                                 kernelsReason: kernels.reason, cores: ProcessInfo.processInfo.activeProcessorCount,
                                 threadsAsked: threads, threads: FastNetwork.trainingThreads(threads, miniBatchSize: batch))
        if report.threads > 1 { report.handOverNanosecondsBefore = HandOver.roundTripNanoseconds() }
        if output.isText { print(report.header) }
        // Progress on a terminal, between the timed epochs (never inside them).
        let progress = ProgressLine(enabled: output.isText && Terminal.isStandardOutputATerminal)
        let test = mnist.test
        for sizes in networks.map(\.values) {
            let network = try Network(sizes: sizes, seed: seedOption.seed)
            var timing = EpochTiming(network: network, training: training, test: test, seed: seedOption.seed, batch: batch,
                                     threads: threads)
            var engine = ""
            timing.onEpoch = { epoch, epochs in
                progress.show("timing \(sizes.map(String.init).joined(separator: ",")) \(engine): epoch \(epoch) of \(epochs)")
            }
            var fastSeconds: Double?
            for precision in fastPrecisions {
                engine = precision == .double ? "fast" : "fast Float"
                let fast = try timing.fast(epochs: epochsFast, precision: precision)
                let baseline = fastSeconds ?? fast.seconds
                fastSeconds = baseline
                report.rows.append(BenchRow(network: sizes, engine: engine, fast, fastSeconds: baseline))
            }
            if sizes == [784, 30, 10], fastPrecisions.contains(.double) {
                // Dense input (about half the pixels non-zero, like Fashion-MNIST): see `denseInput`.
                engine = "fast dense"
                report.rows.append(BenchRow(network: sizes, engine: "fast dense", try timing.fast(epochs: epochsFast, dense: true),
                                            fastSeconds: fastSeconds ?? .nan))
            }
            let baseline = fastSeconds ?? .nan
            if epochsTextbook > 0 {
                engine = "textbook"
                report.rows.append(BenchRow(network: sizes, engine: "textbook", try timing.textbook(epochs: epochsTextbook),
                                            fastSeconds: baseline))
            }
            for (engine, epochs, perExample) in [("numpy", epochsNumpy, false), ("numpy per example", epochsNumpyPerExample, true)]
            where epochs > 0 {
                progress.show("timing \(sizes.map(String.init).joined(separator: ",")) \(engine): \(epochs) epoch\(epochs == 1 ? "" : "s") in python3")
                switch NumPyReference(script: numpyScript, perExample: perExample)
                    .run(dataDirectory: location.directory, sizes: sizes, epochs: epochs, batch: batch, seed: seedOption.seed,
                         limit: training.count) {
                case .success(let result): report.rows.append(BenchRow(network: sizes, engine: engine, result, fastSeconds: baseline))
                case .failure(let reason): report.rows.append(BenchRow(network: sizes, engine: engine, skipped: "\(reason)"))
                }
            }
        }
        progress.clear()
        if report.threads > 1 { report.handOverNanosecondsAfter = HandOver.roundTripNanoseconds() }
        if output.isText { print(report.table) }
        if fullEpochs > 0 {
            if output.isText { print() }
            for precision in fastPrecisions {
                progress.show("full run in \(precision.rawValue): \(fullEpochs) epoch\(fullEpochs == 1 ? "" : "s") in a child process")
                let run = try FullRun.inChildProcess(dataDirectory: location.directory, epochs: fullEpochs, batch: batch,
                                                     seed: seedOption.seed, precision: precision, threads: threads,
                                                     limit: limit)
                report.fullRuns.append(run)
                progress.clear()
                if output.isText { print(run.text) }
            }
        }
        if !output.isText { print(try OutputFormat.json(report)) }
    }
}
