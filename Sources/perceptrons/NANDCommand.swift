import ArgumentParser
import CommandLineSupport
import Perceptrons

/// `perceptrons nand`: the NAND perceptron's truth table.
struct NANDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nand", abstract: "The NAND perceptron (weights −2, −2, bias 3) and its truth table.")

    @Option(help: "Output format: text or json.")
    var format = OutputFormat.text

    func run() throws {
        let rows = NAND.truthTable()
        print(format == .json ? try JSONText.encode(rows) : PerceptronsText.nand(rows))
    }
}
