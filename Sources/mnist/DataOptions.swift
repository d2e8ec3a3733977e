import ArgumentParser
import Datasets
import MNISTLab
import Rendering

/// The `--data DIR` option and loading MNIST into the book's split.
struct DataOptions: ParsableArguments {
    @Option(help: "Directory holding the four MNIST files (plain or .gz); default: $BACKPROPLAB_DATA, else ~/.cache/backproplab/mnist.")
    var data: String?

    /// The book's split, with only the first `trainingLimit` training examples built.
    ///
    /// - Throws: `ExitCode(2)` after printing the data error (missing, corrupt files).
    func load(trainingLimit: Int? = nil) throws -> DigitSplits {
        do {
            let (mnist, _) = try MNIST.load(dataFlag: data)
            return DigitSplits(
                training: mnist.makeTraining(limit: trainingLimit),
                validation: mnist.makeValidation(),
                test: mnist.makeTest()
            )
        } catch {
            Terminal.printError("mnist: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Sizes of the standard MNIST split.
enum MNISTShape {
    /// Training examples in the book's split (60,000 minus 10,000 for validation).
    static let trainingCount = 50_000
}
