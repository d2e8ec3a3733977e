import Foundation
import Testing
import TestSupport

/// `gradcheck` speaks Chinese with `--lang zh-Hans` or a `zh` locale: the report, the
/// diagnosis, the bug zoo, the mystery exercise and the probing suite of a student's
/// module. Only the words change: the numbers are the English run's, in the same order,
/// the exit status is the same, and `--format json` is the same bytes.
@Suite struct GradCheckLanguageTests {
    /// The commands of issue 16: the default check, a failing check, a wrong guess and a
    /// right one, the bug zoo, a directional check, and a buggy network.py-style module
    /// (`docs/examples/homework.py`, lesson 7's: δᴸ wrong, two probes declined).
    static let cases: [ToolCase] = [
        ToolCase("gradcheck"),
        ToolCase("gradcheck", ["--bug", "wrong-sign"]),
        ToolCase("gradcheck", ["--mystery", "1", "--guess", "BP1"]),
        ToolCase("gradcheck", ["--mystery", "5", "--guess", "mean"]),
        ToolCase("gradcheck", ["--mystery", "2"]),
        ToolCase("gradcheck", ["--list-bugs"]),
        ToolCase("gradcheck", ["--sizes", "4,3,2", "--mode", "directional", "--bug", "no-hidden-sigma-prime"]),
        ToolCase("gradcheck", ["--sizes", "3,4,2", "--mode", "sample", "--samples", "2", "--bug", "zero-bias-gradient"]),
        ToolCase("gradcheck", ["--network-py", "docs/examples/homework.py"]),
    ]

    @Test(arguments: cases)
    func chineseReportHasTheEnglishNumbersAndTheGlossaryTerms(_ command: ToolCase) throws {
        let english = try ToolProcess.run(command.tool, command.arguments, locale: "C")
        let chinese = try ToolProcess.run(command.tool, command.arguments + ["--lang", "zh-Hans"], locale: "C")
        let chineseByLocale = try ToolProcess.run(command.tool, command.arguments, locale: "zh_CN.UTF-8")
        #expect([0, 1].contains(english.status), "\(english.stderr)")
        #expect(chinese.status == english.status && chineseByLocale.status == english.status, "\(chinese.stderr)")
        #expect(ChineseOutputTests.timeless(chineseByLocale.stdout) == ChineseOutputTests.timeless(chinese.stdout))
        #expect(OutputChecks.chineseCharacters(english.stdout) == 0, "English output with Chinese in it")

        try OutputChecks.expectChinese(chinese.stdout, matching: english.stdout)
    }

    /// Answers that are not gradients — `nabla_w` transposed, NaN in `nabla_b` — are
    /// explained in Chinese too: lesson 7's `docs/examples/network.py` with its return
    /// line changed, written to a temporary module.
    @Test(arguments: [
        ("transposed", "return (nabla_b, [nw.T for nw in nabla_w])", "形状错误：nabla_w[0]（第 2 层）的形状是 (3, 4)，应为 (4, 3)，即 weights[0] 的形状"),
        ("nan", "return ([nb * float('nan') for nb in nabla_b], nabla_w)", "不是有限数：nabla_b[0]（第 2 层）有 4 个分量是 NaN 或 ±∞"),
    ])
    func malformedAnswerIsExplainedInChinese(_ name: String, _ returnLine: String, _ sentence: String) throws {
        let network = try String(contentsOf: ToolProcess.packageRoot.appendingPathComponent("docs/examples/network.py"), encoding: .utf8)
        let source = network.replacingOccurrences(of: "return (nabla_b, nabla_w)", with: returnLine)
        try #require(source != network)
        let directory = try TemporaryDirectory(prefix: "zh-gradcheck")
        defer { directory.remove() }
        let module = URL(fileURLWithPath: try directory.write("\(name).py", Data(source.utf8)))
        let english = try ToolProcess.run("gradcheck", ["--network-py", module.path], locale: "C")
        let chinese = try ToolProcess.run("gradcheck", ["--network-py", module.path], locale: "zh_CN.UTF-8")
        #expect(english.status == 1 && chinese.status == 1, "\(english.stderr)\(chinese.stderr)")
        #expect(chinese.stdout.contains(sentence), "\(chinese.stdout)")
        // The transposed module then crashes in its own update_mini_batch: what it said
        // (a Python traceback, quoted after "stopped early") is its words, not ours.
        func ours(_ text: String, _ stopped: String) -> String {
            text.components(separatedBy: "\n" + stopped).first ?? text
        }
        try OutputChecks.expectChinese(ours(chinese.stdout, "提前停止："), matching: ours(english.stdout, "stopped early: "))
    }

    /// `LANG=zh_CN.UTF-8 gradcheck --bug wrong-sign` gives the diagnosis in Chinese:
    /// the layer, the equation (BP1) and the reason.
    @Test func wrongSignIsDiagnosedInChinese() throws {
        let run = try ToolProcess.run("gradcheck", ["--bug", "wrong-sign"], locale: "zh_CN.UTF-8")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("第一个不一致的层：3"))
        #expect(run.stdout.contains("最可能出错的方程：BP1，输出层误差 δᴸ = ∇ₐC ⊙ σ′(zᴸ)"))
        #expect(run.stdout.contains("原因：每个偏置的梯度都恰好是正确值的 −1 倍"))
        #expect(!run.stdout.contains("likely culprit"))
    }

    /// The mystery exercise does not give the answer away in Chinese either.
    @Test func mysteryWithoutGuessNamesNoEquation() throws {
        let run = try ToolProcess.run("gradcheck", ["--mystery", "1", "--lang", "zh-Hans"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("哪个方程错了？"))
        #expect(!run.stdout.contains("最可能出错的方程"))
        #expect(!run.stdout.contains("wrong-activation"))
    }

    /// `--format json` is for scripts: the same bytes in every language.
    @Test(arguments: [
        ToolCase("gradcheck", ["--bug", "wrong-sign", "--oracle", "fd"]),
        ToolCase("gradcheck", ["--network-py", "docs/examples/homework.py"]),
    ])
    func jsonIsTheSameInBothLanguages(_ command: ToolCase) throws {
        let english = try ToolProcess.run(command.tool, command.arguments + ["--format", "json"], locale: "C")
        let chinese = try ToolProcess.run(command.tool, command.arguments + ["--format", "json"], locale: "zh_CN.UTF-8")
        #expect(english.status == 1, "\(english.stderr)")
        #expect(!english.stdout.isEmpty)
        #expect(Self.timings(chinese.stdout) == Self.timings(english.stdout))
    }

    /// `json` with the values of its timing keys (`…seconds…": 0.0012`) masked.
    static func timings(_ json: String) -> String {
        json.replacing(/("[A-Za-z_]*(seconds|time|Seconds|Time)[A-Za-z_]*"\s*:\s*)[-0-9.eE+]+/) { "\($0.output.1)⏱" }
    }

    /// The Chinese text of a failing check, pinned word for word (run times masked).
    /// After a deliberate change: `BACKPROPLAB_UPDATE_GOLDEN=1 swift test --filter
    /// GradCheckLanguageTests`, then review the diff.
    @Test func failingCheckMatchesTheGoldenFile() throws {
        let run = try ToolProcess.run("gradcheck", ["--bug", "wrong-sign", "--lang", "zh-Hans"])
        #expect(run.status == 1, "\(run.stderr)")
        let actual = ChineseOutputTests.timeless(run.stdout)
        let expected = try GoldenTests.golden("gradcheck-wrong-sign.zh-Hans.txt", actual: actual)
        #expect(actual == expected)
        #expect(try OutputChecks.glossary().aliasUses(in: expected).isEmpty)
        #expect(OutputChecks.englishProse(expected).isEmpty)
    }

    @Test func unknownLanguageIsABadFlag() throws {
        let run = try ToolProcess.run("gradcheck", ["--lang", "fr"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown language 'fr'"))
    }
}
