import ArgumentParser
import CommandLineSupport
import Perceptrons

/// `perceptrons four-bit`: the layer that turns 10 digit outputs into 4 bits.
struct FourBitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "four-bit",
        abstract: "Build the layer that turns one-hot digit outputs into 4-bit binary, and verify it."
    )

    @OptionGroup var output: FormatOption

    func run() throws {
        let oneHot = FourBitOutputLayer.table(right: 1, wrong: 0)
        let good = FourBitOutputLayer.table(right: 0.99, wrong: 0.01)
        try output.print(oneHot + good) { PerceptronsText.fourBit(oneHot: oneHot, good: good) }
    }
}
