import ArgumentParser
import CommandLineSupport
import Localization
import PerceptronCircuits

/// The default run: every perceptron section of chapter 1 in turn.
struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "NAND, the two-bit adder, a 4-bit ripple-carry adder and the scaling exercise."
    )

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.language
        var generator = seedOption.makeGenerator(language: lang)
        let ripple = try RippleCarryAdder(bits: 4)
        let sections = [
            (lang.text("1. A perceptron that computes NAND", "1. 计算与非的感知机"),
             PerceptronsText.nand(NAND.truthTable(), language: lang)),
            (lang.text("2. Adding two bits with NAND perceptrons", "2. 用与非门感知机把两个比特相加"),
             PerceptronsText.adder(TwoBitAdder.table(), language: lang)),
            (lang.text("3. Going further: adding 4-bit numbers", "3. 更进一步：4 位数的加法"),
             PerceptronsText.ripple(ripple, ripple.check(generator: &generator), language: lang)),
            (lang.text("4. Scaling all weights and biases by c > 0", "4. 把所有权重和偏置都乘以 c > 0"), PerceptronsText.scaling(
                ScalingExperiment.run(trials: 6, inputsPerNetwork: 1000, generator: &generator), seed: seedOption.seed, language: lang)),
        ]
        for (title, body) in sections {
            print()
            print("== \(title) ==")
            print()
            print(body)
        }
        print()
        print(lang.text("More: perceptrons ripple --bits N, perceptrons four-bit, sigmoid-limit.",
                        "更多：perceptrons ripple --bits N、perceptrons four-bit、sigmoid-limit。"))
    }
}
