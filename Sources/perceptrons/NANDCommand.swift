import ArgumentParser
import CommandLineSupport
import Localization
import PerceptronCircuits

/// `perceptrons nand`: the NAND perceptron's truth table.
struct NANDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nand", abstract: "The NAND perceptron (weights −2, −2, bias 3) and its truth table.")

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let rows = NAND.truthTable()
        try output.print(rows) { PerceptronsText.nand(rows, language: language.language) }
    }
}
