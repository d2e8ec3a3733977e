import ArgumentParser
import BackpropEngine
import CommandLineSupport
import Foundation
import MNISTLab
import Rendering

/// `mnist train`: the chapter's training run, `Epoch j: k / 10000` per epoch.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a network on the first 50,000 training digits, scoring it after every epoch."
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var training: TrainingFlags<MNISTTraining>

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Train on only the first N of the 50,000 training examples (quick classroom runs).")
    var limit: Int?

    @Option(help: "Score each epoch on the validation or the test set.")
    var eval = EvaluationSet.validation

    @Option(help: "Score each epoch on only the first N examples of the --eval set (quick runs).")
    var evalLimit = 10_000

    @Option(help: "Save the final network to FILE (network2 JSON), atomically.")
    var save: String?

    @Option(help: "Save a checkpoint to FILE after every epoch, atomically.")
    var checkpoint: String?

    @Option(help: "Continue the run saved by --checkpoint in FILE (give the same flags).")
    var resume: String?

    @Option(help: "Write the learning curve (accuracy per epoch) to FILE as SVG.")
    var plot: String?

    @Option(help: "Which implementation trains: \(Engine.allCases.map(\.rawValue).joined(separator: " or ")).")
    var engine = Engine.fast

    @OptionGroup var output: FormatOption

    @OptionGroup var threads: ThreadsOption

    @OptionGroup var language: LanguageOption

    /// The settings these flags describe.
    var settings: TrainingSettings {
        TrainingSettings(
            sizes: training.sizes.values, epochs: training.epochs, batch: training.batch, eta: training.eta,
            cost: training.cost, lambda: training.lambda, initializer: training.initializer,
            seed: seedOption.seed, trainingCount: limit ?? MNISTShape.trainingCount,
            evaluation: eval, evaluationCount: evalLimit
        )
    }

    func validate() throws {
        do {
            try settings.validate(available: MNISTShape.trainingCount)
        } catch {
            throw ValidationError(error.message)
        }
        if let plot, !plot.lowercased().hasSuffix(".svg") {
            throw ValidationError("--plot writes an SVG picture; give a file name ending in .svg, got \(plot)")
        }
    }

    func run() throws {
        let epochData = try data.loadEpochData(settings, engine: engine)
        var options = TrainingOptions(settings: settings)
        options.engine = engine
        options.savePath = save
        options.checkpointPath = checkpoint
        options.resumePath = resume
        options.plotPath = plot
        options.format = output.format
        options.progress = Terminal.isStandardOutputATerminal
        options.language = language.language
        Interruption.install()
        if let warning = threads.oversubscriptionWarning(language: language.language) { Terminal.printError(warning) }
        try Engine.$threads.withValue(threads.count) {
            try reportingFailures {
                let report = try TrainingSession.run(options, data: epochData)
                if let note = ThreadsOption.busyCoresNote(batches: report.batchesOnOneThread, threads: report.threads,
                                                          language: language.language) {
                    Terminal.printError(note)
                }
            }
        }
    }
}
