import CommandLineSupport
import ArgumentParser
import MNISTLab

/// `mnist evaluate --model FILE`: accuracy, confusion matrix and the digits it got wrong.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a saved network on the test set and show what it gets wrong."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The network to evaluate (network2 JSON, as written by `mnist train --save`).")
    var model: String

    @Option(help: "Evaluate on the test or the validation set.")
    var eval = EvaluationSet.test

    @Option(help: "Also write every misclassified digit to FILE as a PNG grid.")
    var png: String?

    @Option(help: "How many misclassified digits to draw in the terminal.")
    var show = 8

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard show >= 0 else { throw ValidationError("--show must be 0 or more, got \(show)") }
        if let png, !png.lowercased().hasSuffix(".png") {
            throw ValidationError("--png writes a PNG picture; give a file name ending in .png, got \(png)")
        }
    }

    func run() throws {
        try reportingFailures {
            try EvaluationSession.run(modelPath: model, data: { try data.load(trainingLimit: 0) }, set: eval, pngPath: png, show: show, format: output.format,
                                      language: language.language)
        }
    }
}
