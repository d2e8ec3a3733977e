import ArgumentParser
import CommandLineSupport
import Localization
import PerceptronCircuits

/// `perceptrons ripple --bits N`: an n-bit adder from NAND perceptrons, checked against a + b.
struct RippleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ripple",
        abstract: "An n-bit ripple-carry adder from NAND perceptrons, checked against integer addition.",
        discussion: "Every pair is checked up to \(RippleCarryAdder.maximumExhaustiveBits) bits; wider adders are checked on --samples random pairs drawn from --seed."
    )

    @Option(help: "Bits per summand (1 to \(RippleCarryAdder.maximumBits)).")
    var bits = 4

    @Option(help: "Random pairs to check when --bits is above \(RippleCarryAdder.maximumExhaustiveBits).")
    var samples = 1000

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        try requireWithin(bits, 1...RippleCarryAdder.maximumBits, "--bits")
        try requireWithin(samples, 1...1_000_000, "--samples")
    }

    func run() throws {
        let adder = try RippleCarryAdder(bits: bits)
        let exhaustive = bits <= RippleCarryAdder.maximumExhaustiveBits
        var generator = seedOption.makeGenerator(announce: !exhaustive && output.isText, language: language.language)
        let check = adder.check(samples: samples, generator: &generator)
        try output.print(check) { PerceptronsText.ripple(adder, check, language: language.language) }
    }
}
