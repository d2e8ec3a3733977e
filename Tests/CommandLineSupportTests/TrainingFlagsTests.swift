import ArgumentParser
import BackpropEngine
import Testing
@testable import CommandLineSupport

/// A tool taking every training flag, with chapter 1's defaults.
private enum AllFlags: TrainingDefaults {
    static let sizes = [4, 3, 2]
    static let sizesHelp = "Layer sizes."
}

/// A tool taking only --sizes, --epochs and --eta (like `gradient-descent batches`).
private enum FewFlags: TrainingDefaults {
    static let flags: Set<TrainingFlag> = [.sizes, .epochs, .eta]
    static let sizes = [2, 10, 3]
    static let sizesHelp = "Layer sizes."
    static let epochs = 5
}

@Suite("TrainingFlags: one spelling of the training flags")
struct TrainingFlagsTests {
    @Test("no flags: the tool's defaults")
    func defaults() throws {
        let flags = try TrainingFlags<AllFlags>.parse([])
        #expect(flags.sizes.values == [4, 3, 2] && flags.epochs == 30 && flags.batch == 10 && flags.eta == 3.0)
        #expect(flags.cost == .quadratic && flags.initializer == .large && flags.lambda == 0)
        #expect(try TrainingFlags<FewFlags>.parse([]).epochs == 5)
    }

    @Test("every flag parses under its one name")
    func everyFlag() throws {
        let flags = try TrainingFlags<AllFlags>.parse(["--sizes", "5,4,3", "--epochs", "2", "--batch", "7", "--eta", "0.5",
                                                       "--cost", "cross-entropy", "--init", "scaled", "--lambda", "0.1"])
        #expect(flags.sizes.values == [5, 4, 3] && flags.epochs == 2 && flags.batch == 7 && flags.eta == 0.5)
        #expect(flags.cost == .crossEntropy && flags.initializer == .scaled && flags.lambda == 0.1)
    }

    @Test("η must be positive and λ not negative, named in the message",
          arguments: [(["--eta", "0"], "--eta must be a positive number"), (["--lambda=-1"], "--lambda must be zero or positive")])
    func ranges(arguments: [String], message: String) {
        #expect { try TrainingFlags<AllFlags>.parse(arguments) } throws: { "\(TrainingFlags<AllFlags>.message(for: $0))".contains(message) }
    }

    @Test("a flag the tool does not take is hidden and refused unless it keeps its default")
    func unsupportedFlags() throws {
        #expect(!TrainingFlags<FewFlags>.helpMessage().contains("--lambda"))
        #expect(!TrainingFlags<FewFlags>.helpMessage().contains("--batch"))
        #expect(TrainingFlags<AllFlags>.helpMessage().contains("--lambda"))
        #expect(try TrainingFlags<FewFlags>.parse(["--lambda", "0"]).lambda == 0)
        #expect { try TrainingFlags<FewFlags>.parse(["--batch", "3"]) } throws: {
            TrainingFlags<FewFlags>.message(for: $0).contains("--batch does not apply")
        }
    }
}
