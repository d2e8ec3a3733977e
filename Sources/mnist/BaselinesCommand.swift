import ArgumentParser
import CommandLineSupport
import MNISTLab

/// `mnist baselines`: what guessing and average darkness score, the bar to beat.
struct BaselinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baselines",
        abstract: "Score random guessing and the average-darkness classifier on the test set."
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Output: text for people or json for scripts.")
    var format = OutputFormat.text

    @OptionGroup var language: LanguageOption

    func run() throws {
        let splits = try data.load()
        try reportingFailures {
            try BaselineSession.run(data: splits, seed: seedOption.seed, format: format, language: language.language)
        }
    }
}
