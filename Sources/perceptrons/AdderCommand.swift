import ArgumentParser
import CommandLineSupport
import Perceptrons

/// `perceptrons adder`: chapter 1's two-bit adder from NAND perceptrons.
struct AdderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "adder", abstract: "Add two bits with five NAND perceptrons (and the single −4 weight variant).")

    @OptionGroup var output: FormatOption

    func run() throws {
        let rows = TwoBitAdder.table()
        try output.print(rows) { PerceptronsText.adder(rows) }
    }
}
