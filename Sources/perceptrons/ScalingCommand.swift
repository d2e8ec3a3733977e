import ArgumentParser
import CommandLineSupport
import Localization
import PerceptronCircuits

/// `perceptrons scaling`: multiplying all weights and biases by c > 0 changes no output.
struct ScalingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaling",
        abstract: "Scale every weight and bias of random perceptron networks by c > 0 and compare outputs."
    )

    @Option(help: "Random networks to try.")
    var trials = 6

    @Option(help: "Random inputs per network.")
    var inputs = 1000

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        try requireWithin(trials, 1...10_000, "--trials")
        try requireWithin(inputs, 1...1_000_000, "--inputs")
    }

    func run() throws {
        var generator = seedOption.makeGenerator(announce: output.isText, language: language.language)
        let results = ScalingExperiment.run(trials: trials, inputsPerNetwork: inputs, generator: &generator)
        try output.print(results) { PerceptronsText.scaling(results, seed: seedOption.seed, language: language.language) }
    }
}
