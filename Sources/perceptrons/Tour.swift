import ArgumentParser
import CommandLineSupport
import PerceptronCircuits

/// The default run: every perceptron section of chapter 1 in turn.
struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "NAND, the two-bit adder, a 4-bit ripple-carry adder and the scaling exercise."
    )

    @OptionGroup var seedOption: SeedOption

    func run() throws {
        var generator = seedOption.makeGenerator()
        let ripple = try RippleCarryAdder(bits: 4)
        let sections = [
            ("1. A perceptron that computes NAND", PerceptronsText.nand(NAND.truthTable())),
            ("2. Adding two bits with NAND perceptrons", PerceptronsText.adder(TwoBitAdder.table())),
            ("3. Going further: adding 4-bit numbers", PerceptronsText.ripple(ripple, ripple.check(generator: &generator))),
            ("4. Scaling all weights and biases by c > 0", PerceptronsText.scaling(
                ScalingExperiment.run(trials: 6, inputsPerNetwork: 1000, generator: &generator), seed: seedOption.seed)),
        ]
        for (title, body) in sections {
            print()
            print("== \(title) ==")
            print()
            print(body)
        }
        print()
        print("More: perceptrons ripple --bits N, perceptrons four-bit, sigmoid-limit.")
    }
}
