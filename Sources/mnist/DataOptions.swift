import ArgumentParser
import BackpropEngine
import CommandLineSupport
import Datasets
import FastEngine
import MNISTLab
import Rendering

/// The `--data DIR` option and loading MNIST into the book's split.
struct DataOptions: ParsableArguments {
    @OptionGroup var directory: MNISTDirectoryOption

    /// The `--data` flag, if given.
    var data: String? { directory.data }

    /// The book's split, with only the first `trainingLimit` training examples built.
    ///
    /// - Throws: `ExitStatus.badInput` after printing the data error (missing, corrupt files).
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
            throw ExitStatus.badInput
        }
    }
}

extension DataOptions {
    /// The training examples and the held-out set `mnist train` needs, cut to `settings`'
    /// counts — for the fast engines packed straight from the files (full MNIST in about
    /// 100 MB, never as `[Example]` arrays), for the textbook engine as examples.
    ///
    /// - Throws: `ExitStatus.badInput` after printing the data error (missing, corrupt files).
    func loadEpochData(_ settings: TrainingSettings, engine: Engine) throws -> EpochData {
        do {
            let (mnist, _) = try MNIST.load(dataFlag: data)
            let heldOutSet = EvaluationSet(rawValue: settings.evaluation) ?? .validation
            let training = mnist.trainingRange.prefix(settings.trainingCount)
            let heldOutRange = heldOutSet == .validation ? mnist.validationRange : 0..<mnist.testSet.count
            let heldOut = heldOutRange.prefix(settings.evaluationCount)
            let heldOutImages = heldOutSet == .validation ? mnist.trainingSet : mnist.testSet
            guard engine.precision != nil else {
                return .examples(training: mnist.trainingSet.examples(training), heldOut: heldOutImages.labeledExamples(heldOut))
            }
            return .packed(training: mnist.trainingSet.packedTraining(training, sizes: settings.sizes),
                           heldOut: heldOutImages.packedLabeled(heldOut, sizes: settings.sizes))
        } catch {
            Terminal.printError("mnist: \(error)")
            throw ExitStatus.badInput
        }
    }
}

/// Sizes of the standard MNIST split.
enum MNISTShape {
    /// Training examples in the book's split (60,000 minus 10,000 for validation).
    static let trainingCount = 50_000
}
