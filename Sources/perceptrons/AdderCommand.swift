import ArgumentParser
import CommandLineSupport
import Localization
import PerceptronCircuits

/// `perceptrons adder`: chapter 1's two-bit adder from NAND perceptrons.
struct AdderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "adder", abstract: "Add two bits with five NAND perceptrons (and the single −4 weight variant).")

    @Option(parsing: .unconditional, help: "The weight of the single connection from n1 to the carry perceptron (negative numbers welcome: --carry-weight -3).")
    var carryWeight = -4.0

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard carryWeight.isFinite, abs(carryWeight) <= 1e6 else {
            throw ValidationError("--carry-weight must be a number between −1e6 and 1e6, got \(carryWeight)")
        }
    }

    func run() throws {
        let rows = TwoBitAdder.table(singleWeight: carryWeight)
        try output.print(rows) { PerceptronsText.adder(rows, singleWeight: carryWeight, language: language.language) }
    }
}
