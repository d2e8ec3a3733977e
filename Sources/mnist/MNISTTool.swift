import ArgumentParser
import MNISTLab

/// `mnist`: chapter 1's digit classifier — train it, score it, compare it with the
/// baselines, and fetch the data.
@main
struct MNISTTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnist",
        abstract: "Train chapter 1's sigmoid network on MNIST handwritten digits, evaluate it, and compare it with baselines.",
        subcommands: [Train.self, Evaluate.self, BaselinesCommand.self, Download.self],
        defaultSubcommand: Train.self
    )
}

extension Engine: ExpressibleByArgument {}
extension EvaluationSet: ExpressibleByArgument {}
