import ArgumentParser
import CommandLineSupport
import Localization
import PerceptronCircuits

/// `perceptrons four-bit`: the layer that turns 10 digit outputs into 4 bits.
struct FourBitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "four-bit",
        abstract: "Build the layer that turns one-hot digit outputs into 4-bit binary, and verify it."
    )

    @Option(help: "Instead of the two standard checks, set the right digit's output to this value …")
    var right: Double?

    @Option(help: "… and every other digit's output to this one.")
    var wrong: Double?

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (right == nil) == (wrong == nil) else { throw ValidationError("give --right and --wrong together") }
        for (value, flag) in [(right, "--right"), (wrong, "--wrong")] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(flag) must be between 0 and 1, got \(value)") }
        }
    }

    func run() throws {
        if let right, let wrong {
            let rows = FourBitOutputLayer.table(right: right, wrong: wrong)
            try output.print(rows) { PerceptronsText.fourBit(custom: rows, right: right, wrong: wrong, language: language.language) }
            return
        }
        let oneHot = FourBitOutputLayer.table(right: 1, wrong: 0)
        let good = FourBitOutputLayer.table(right: 0.99, wrong: 0.01)
        try output.print(oneHot + good) { PerceptronsText.fourBit(oneHot: oneHot, good: good, language: language.language) }
    }
}
