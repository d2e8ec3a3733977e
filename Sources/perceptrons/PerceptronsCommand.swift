import ArgumentParser

/// `perceptrons`: chapter 1's perceptrons as things a class can run and check.
@main
struct PerceptronsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perceptrons",
        abstract: "Perceptrons from chapter 1: NAND, adders built from NAND, scaling, and the 4-bit output layer.",
        discussion: "With no subcommand, a tour: NAND, the two-bit adder, a 4-bit ripple-carry adder and the scaling exercise.",
        subcommands: [Tour.self, NANDCommand.self, AdderCommand.self, RippleCommand.self, ScalingCommand.self, FourBitCommand.self],
        defaultSubcommand: Tour.self
    )
}
