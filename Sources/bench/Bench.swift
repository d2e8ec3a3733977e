import ArgumentParser
import BackpropEngine
import CommandLineSupport
import Datasets
import FastEngine
import Foundation
import Rendering

/// Times the fast engine against the textbook engine and a NumPy reference on real
/// MNIST, and measures a full 30-epoch training run (time and peak memory) in a child
/// process. Figures for README's "Speed" section come from here, built in release:
///
///     swift run -c release bench --data ../shared/data/mnist
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

    @Option(help: "Epochs timed for the NumPy reference (0 skips it).")
    var epochsNumpy = 1

    @Option(help: "The NumPy reference script.")
    var numpyScript = "Benchmarks/numpy_reference.py"

    @Option(help: "Epochs of the full run (0 skips it).")
    var fullEpochs = 30

    @Option(help: "Mini-batch size m of every timed run (chapter 1's is 10).")
    var batch = 10

    @Option(name: .customLong("sizes"), help: "A network to time, 784 inputs and 10 outputs (repeatable).")
    var networks: [LayerSizes] = [LayerSizes([784, 30, 10]), LayerSizes([784, 100, 10])]

    @Option(name: .customLong("fast-precision"), help: "A precision to time the fast engine in (repeatable).")
    var fastPrecisions: [Precision] = Precision.allCases

    @Flag(help: "Run only the full training run and print its figures (what the parent runs as a child process).")
    var fullRun = false

    @Option(help: "Precision of the full run with --full-run: double or float (the parent runs each --fast-precision).")
    var precision: Precision = .double

    @OptionGroup var threadsOption: ThreadsOption

    func validate() throws {
        try requireAtLeast(epochsFast, 1, "--epochs-fast")
        try requireAtLeast(epochsTextbook, 0, "--epochs-textbook")
        try requireAtLeast(epochsNumpy, 0, "--epochs-numpy")
        try requireAtLeast(fullEpochs, 0, "--full-epochs")
        try requireAtLeast(batch, 1, "--batch")
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
                        threads: threads).runAndReport()
            return
        }
        _ = seedOption.makeGenerator()
        let (mnist, location) = try MNIST.load(dataFlag: directory.data)
        print("data: \(location.directory); training on the first \(mnist.trainingRange.count) images, batch \(batch), η = 3.0")
        let kernels = KernelSet.automatic
        print("machine: \(KernelSet.machine)")
        let trainingThreads = FastNetwork.trainingThreads(threads, miniBatchSize: batch)
        print("kernels: \(kernels.name) (\(kernels.reason)); fast engine on \(trainingThreads) thread\(trainingThreads == 1 ? "" : "s") of \(ProcessInfo.processInfo.activeProcessorCount) cores" + (trainingThreads < threads ? " (batches of more than \(FastNetwork.maximumThreadedBatch) train on one)" : ""))
        let training = mnist.training
        let test = mnist.test
        var busyNotes: [String] = []
        var table = TextTable(header: ["network", "engine", "epochs", "s / epoch", "CPU s / epoch", "× fast", "correct after epoch 1"])
        for sizes in networks.map(\.values) {
            let network = try Network(sizes: sizes, seed: seedOption.seed)
            let timing = EpochTiming(network: network, training: training, test: test, seed: seedOption.seed, batch: batch,
                                     threads: threads)
            var fastSeconds: Double?
            func fastRow(_ engine: String, _ fast: EpochTiming.Result) {
                table.append(row(sizes, engine, fast, fastSeconds ?? fast.seconds))
                if let note = ThreadsOption.busyCoresNote(batches: fast.batchesOnOneThread, threads: trainingThreads) {
                    busyNotes.append("\(sizes.map(String.init).joined(separator: ",")) \(engine) — \(note)")
                }
            }
            for precision in fastPrecisions {
                let fast = try timing.fast(epochs: epochsFast, precision: precision)
                fastSeconds = fastSeconds ?? fast.seconds
                fastRow(precision == .double ? "fast" : "fast Float", fast)
            }
            if sizes == [784, 30, 10], fastPrecisions.contains(.double) {
                // Dense input (about half the pixels non-zero, like Fashion-MNIST): see `denseInput`.
                fastRow("fast dense", try timing.fast(epochs: epochsFast, dense: true))
            }
            let baseline = fastSeconds ?? .nan
            if epochsTextbook > 0 {
                table.append(row(sizes, "textbook", try timing.textbook(epochs: epochsTextbook), baseline))
            }
            if epochsNumpy > 0 {
                switch NumPyReference(script: numpyScript).run(dataDirectory: location.directory, sizes: sizes,
                                                               epochs: epochsNumpy, batch: batch, seed: seedOption.seed) {
                case .success(let result): table.append(row(sizes, "numpy", result, baseline))
                case .failure(let reason): table.append([sizes.map(String.init).joined(separator: ","), "numpy", "—", "—", "—", "—", "skipped: \(reason)"])
                }
            }
        }
        print(table.render())
        print("s / epoch: the fastest epoch's training time (wall clock); CPU s / epoch: the fastest epoch's CPU time (all threads);")
        print("fast dense: the same images with a faint background on the middle rows' zero pixels (about half the pixels non-zero, like Fashion-MNIST).")
        print("× fast compares s / epoch with the first fast row of the network. Same seed: both Swift engines train the same network bit for bit (fast Float: to Float's precision).")
        for note in busyNotes { print(note) }
        if fullEpochs > 0 {
            print()
            for precision in fastPrecisions {
                try FullRun.inChildProcess(dataDirectory: location.directory, epochs: fullEpochs, batch: batch,
                                           seed: seedOption.seed, precision: precision, threads: threads)
            }
        }
    }

    private func row(_ sizes: [Int], _ engine: String, _ result: EpochTiming.Result, _ fastSeconds: Double) -> [String] {
        [sizes.map(String.init).joined(separator: ","), engine, String(result.epochs),
         String(format: "%.4f", result.seconds), String(format: "%.4f", result.cpuSeconds),
         String(format: "%.1f", result.seconds / fastSeconds),
         result.firstCorrect.map { "\($0) / 10000" } ?? "—"]
    }
}
