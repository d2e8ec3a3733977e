import ArgumentParser
import CommandLineSupport
import Perceptrons

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

    @Option(help: "Output format: text or json.")
    var format = OutputFormat.text

    func validate() throws {
        guard (1...10_000).contains(trials) else { throw ValidationError("--trials must be 1 to 10000, got \(trials)") }
        guard (1...1_000_000).contains(inputs) else { throw ValidationError("--inputs must be 1 to 1000000, got \(inputs)") }
    }

    func run() throws {
        var generator = seedOption.makeGenerator(announce: format == .text)
        let results = ScalingExperiment.run(trials: trials, inputsPerNetwork: inputs, generator: &generator)
        print(format == .json ? try JSONText.encode(results) : PerceptronsText.scaling(results, seed: seedOption.seed))
    }
}
