import Foundation
import Localization
import Testing
import TestSupport

/// One command line of a chapter-1 tool, run in both languages.
struct ToolCase: CustomTestStringConvertible, Sendable {
    var tool: String
    var arguments: [String]

    init(_ tool: String, _ arguments: [String] = []) {
        self.tool = tool
        self.arguments = arguments
    }

    var testDescription: String { ([tool] + arguments).joined(separator: " ") }
}

/// The chapter-1 tools speak Chinese with `--lang zh-Hans` or a `zh` locale, and nothing
/// but the words changes: the numbers are the English run's, in the same order.
@Suite struct ChineseOutputTests {
    static let cases: [ToolCase] = [
        ToolCase("perceptrons"),
        ToolCase("perceptrons", ["nand"]),
        ToolCase("perceptrons", ["adder"]),
        ToolCase("perceptrons", ["adder", "--carry-weight", "-3"]),
        ToolCase("perceptrons", ["ripple", "--bits", "10", "--samples", "50"]),
        ToolCase("perceptrons", ["scaling", "--trials", "3", "--inputs", "200"]),
        ToolCase("perceptrons", ["four-bit"]),
        ToolCase("perceptrons", ["four-bit", "--right", "0.6", "--wrong", "0.2"]),
        ToolCase("sigmoid-limit"),
        ToolCase("sigmoid-limit", ["--network", "random", "--max-power", "3"]),
        ToolCase("xor"),
        ToolCase("xor", ["--epochs", "2"]),
        ToolCase("gradient-descent"),
        ToolCase("gradient-descent", ["bowl", "--eta", "0.7", "--steps", "3"]),
        ToolCase("gradient-descent", ["batches", "--train", "200", "--test", "100", "--epochs", "2"]),
        ToolCase("deep-gradients", ["--train", "100", "--test", "50", "--epochs", "1"]),
        ToolCase("mnist", ["baselines", "--data", ToolProcess.mnistDirectory]),
        ToolCase("mnist", ["train", "--data", ToolProcess.mnistDirectory, "--sizes", "784,10,10", "--limit", "300",
                           "--eval-limit", "100", "--epochs", "2", "--lambda", "0.5"]),
        ToolCase("mnist", ["baselines", "--svm", "--data", ToolProcess.mnistDirectory, "--limit", "200"]),
    ]

    /// `text` with run times (`0.74 s`) masked: they differ between two runs.
    static func timeless(_ text: String) -> String {
        text.replacing(/[0-9]+\.[0-9]+ ?(s|秒)(?![A-Za-z])/, with: "⏱")
    }

    @Test(arguments: cases)
    func chineseOutputHasTheEnglishNumbersAndTheGlossaryTerms(_ command: ToolCase) throws {
        let english = try ToolProcess.run(command.tool, command.arguments, locale: "C")
        let englishByFlag = try ToolProcess.run(command.tool, command.arguments + ["--lang", "en"], locale: "zh_CN.UTF-8")
        let chinese = try ToolProcess.run(command.tool, command.arguments + ["--lang", "zh-Hans"], locale: "C")
        let chineseByLocale = try ToolProcess.run(command.tool, command.arguments, locale: "zh_CN.UTF-8")
        for run in [english, englishByFlag, chinese, chineseByLocale] {
            #expect(run.status == 0, "\(command.testDescription): \(run.stderr)")
        }

        // Without --lang the locale decides; --lang beats the locale.
        #expect(Self.timeless(englishByFlag.stdout) == Self.timeless(english.stdout))
        #expect(Self.timeless(chineseByLocale.stdout) == Self.timeless(chinese.stdout))
        #expect(OutputChecks.chineseCharacters(english.stdout) == 0, "English output with Chinese in it")

        // Chinese words, the English numbers, the glossary's terms, no English sentence
        // left, tables aligned in terminal columns.
        try OutputChecks.expectChinese(chinese.stdout, matching: english.stdout)
    }

    /// `--format json` is for scripts: the same bytes in every language.
    @Test(arguments: [
        ToolCase("perceptrons", ["nand"]),
        ToolCase("perceptrons", ["ripple", "--bits", "10", "--samples", "50"]),
        ToolCase("sigmoid-limit"),
        ToolCase("mnist", ["baselines", "--data", ToolProcess.mnistDirectory]),
    ])
    func jsonIsTheSameInBothLanguages(_ command: ToolCase) throws {
        let english = try ToolProcess.run(command.tool, command.arguments + ["--format", "json"], locale: "C")
        let chinese = try ToolProcess.run(command.tool, command.arguments + ["--format", "json", "--lang", "zh-Hans"], locale: "C")
        #expect(english.status == 0, "\(english.stderr)")
        #expect(!english.stdout.isEmpty)
        #expect(chinese.stdout == english.stdout)
    }

    /// `mnist evaluate` on a model the test trains: Chinese prose and confusion matrix,
    /// the English numbers, the same JSON.
    @Test func mnistEvaluateSpeaksChinese() throws {
        let directory = try TemporaryDirectory(prefix: "zh-evaluate")
        defer { directory.remove() }
        let model = directory.file("model.json")
        let train = try ToolProcess.run("mnist", ["train", "--data", ToolProcess.mnistDirectory, "--sizes", "784,10,10",
                                                  "--limit", "300", "--eval-limit", "100", "--epochs", "1", "--save", model])
        try #require(train.status == 0, "\(train.stderr)")
        let arguments = ["evaluate", "--data", ToolProcess.mnistDirectory, "--model", model, "--show", "2"]
        let english = try ToolProcess.run("mnist", arguments, locale: "C")
        let chinese = try ToolProcess.run("mnist", arguments, locale: "zh_CN.UTF-8")
        #expect(english.status == 0 && chinese.status == 0, "\(english.stderr)\(chinese.stderr)")
        #expect(chinese.stdout.contains("混淆矩阵"))
        #expect(OutputChecks.numbers(chinese.stdout) == OutputChecks.numbers(english.stdout))
        #expect(try OutputChecks.glossary().aliasUses(in: chinese.stdout).isEmpty)
        #expect(OutputChecks.englishProse(chinese.stdout).isEmpty, "\(OutputChecks.englishProse(chinese.stdout))")
        #expect(OutputChecks.misalignedHeaders(chinese.stdout).isEmpty, "\(OutputChecks.misalignedHeaders(chinese.stdout))")
        let json = try ToolProcess.run("mnist", arguments + ["--format", "json"], locale: "zh_CN.UTF-8")
        let englishJSON = try ToolProcess.run("mnist", arguments + ["--format", "json"], locale: "C")
        #expect(json.stdout == englishJSON.stdout && !json.stdout.isEmpty)
    }

    /// `mnist train` keeps network.py's `Epoch j: k / n` lines in Chinese too.
    @Test func mnistTrainKeepsTheEpochLines() throws {
        let arguments = ["train", "--data", ToolProcess.mnistDirectory, "--sizes", "784,10,10", "--limit", "300",
                         "--eval-limit", "100", "--epochs", "2"]
        let chinese = try ToolProcess.run("mnist", arguments + ["--lang", "zh-Hans"])
        #expect(chinese.status == 0, "\(chinese.stderr)")
        let epochs = chinese.stdout.split(separator: "\n").filter { $0.hasPrefix("Epoch ") }
        #expect(epochs.count == 2)
        #expect(epochs.allSatisfy { $0.contains(/^Epoch [0-9]+: [0-9]+ \/ 100 \(/) })
    }

    /// A bad `--lang` is a bad flag: one line, exit 64, like every other flag.
    @Test(arguments: ["perceptrons", "sigmoid-limit", "xor", "gradient-descent", "deep-gradients"])
    func unknownLanguageIsABadFlag(_ tool: String) throws {
        let run = try ToolProcess.run(tool, ["--lang", "fr"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown language 'fr'"))
    }
}
