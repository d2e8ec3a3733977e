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

    @Option(help: "Directory holding the four MNIST files (else $BACKPROPLAB_DATA, else the cache).")
    var data: String?

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

    @Flag(help: "Run only the full training run and print its figures (what the parent runs as a child process).")
    var fullRun = false

    @Option(help: "Precision of the full run with --full-run: double or float (the parent runs both).")
    var precision: Precision = .double

    func validate() throws {
        try requireAtLeast(epochsFast, 1, "--epochs-fast")
        try requireAtLeast(epochsTextbook, 0, "--epochs-textbook")
        try requireAtLeast(epochsNumpy, 0, "--epochs-numpy")
        try requireAtLeast(fullEpochs, 0, "--full-epochs")
    }

    mutating func run() throws {
        if fullRun {
            try FullRun(dataFlag: data, epochs: fullEpochs, seed: seedOption.seed, precision: precision).runAndReport()
            return
        }
        _ = seedOption.makeGenerator()
        let (mnist, location) = try MNIST.load(dataFlag: data)
        print("data: \(location.directory); training on the first \(mnist.trainingRange.count) images, batch 10, η = 3.0, one thread")
        let training = mnist.training
        let test = mnist.test
        var table = TextTable(header: ["network", "engine", "epochs", "s / epoch", "CPU s / epoch", "× fast", "correct after epoch 1"])
        for sizes in [[784, 30, 10], [784, 100, 10]] {
            let network = try Network(sizes: sizes, seed: seedOption.seed)
            let timing = EpochTiming(network: network, training: training, test: test, seed: seedOption.seed)
            let fast = try timing.fast(epochs: epochsFast)
            table.append(row(sizes, "fast", fast, fast.seconds))
            table.append(row(sizes, "fast Float", try timing.fast(epochs: epochsFast, precision: .float), fast.seconds))
            if epochsTextbook > 0 {
                table.append(row(sizes, "textbook", try timing.textbook(epochs: epochsTextbook), fast.seconds))
            }
            if epochsNumpy > 0 {
                switch NumPyReference(script: numpyScript).run(dataDirectory: location.directory, sizes: sizes,
                                                               epochs: epochsNumpy, seed: seedOption.seed) {
                case .success(let result): table.append(row(sizes, "numpy", result, fast.seconds))
                case .failure(let reason): table.append([sizes.map(String.init).joined(separator: ","), "numpy", "—", "—", "—", "—", "skipped: \(reason)"])
                }
            }
        }
        print(table.render())
        print("s / epoch: the fastest epoch's training time (wall clock); CPU s / epoch: the fastest epoch's CPU time;")
        print("× fast compares s / epoch. Same seed: both Swift engines train the same network bit for bit (fast Float: to Float's precision).")
        if fullEpochs > 0 {
            print()
            for precision in Precision.allCases {
                try FullRun.inChildProcess(dataDirectory: location.directory, epochs: fullEpochs, seed: seedOption.seed,
                                           precision: precision)
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
