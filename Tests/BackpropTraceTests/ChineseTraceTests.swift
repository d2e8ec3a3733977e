import Course
import Foundation
import Localization
import Testing
@testable import BackpropTrace

/// `backprop-trace --lang zh-Hans` (and a Chinese locale): the whole trace in Chinese,
/// with the English trace's numbers in the same order, the glossary's terms only, no
/// English sentence left, and the JSON unchanged. The Chinese default trace is pinned by
/// `Golden/default.zh-Hans.txt` (regenerate with `BACKPROPLAB_UPDATE_GOLDEN=1`).
@Suite("backprop-trace in Chinese")
struct ChineseTraceTests {
    /// Every number in `text`, in order, with its sign ("−4" and "-4" both count).
    static func numbers(_ text: String) -> [String] {
        text.matches(of: /[-−]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/).map {
            String($0.output.0).replacingOccurrences(of: "−", with: "-")
        }
    }

    static func glossary() throws -> Glossary {
        try Glossary.load(from: TraceExecutable.packageRoot.appendingPathComponent("lessons/glossary.tsv"))
    }

    /// The traces compared: the default, a mini-batch with L2, cross-entropy, a deeper network.
    static let cases: [[String]] = [
        [], ["--batch", "3", "--lambda", "5", "--n", "100"], ["--cost", "cross-entropy", "--batch", "2"],
        ["--sizes", "2,4,3,1", "--seed", "7"],
    ]

    @Test("the Chinese trace has the English trace's numbers in the same order", arguments: cases)
    func sameNumbers(_ arguments: [String]) throws {
        for format in ["text", "markdown", "latex"] {
            let english = try TraceExecutable.run(arguments + ["--format", format])
            let chinese = try TraceExecutable.run(arguments + ["--format", format, "--lang", "zh-Hans"])
            #expect(english.status == 0 && chinese.status == 0, "\(chinese.stderr)")
            #expect(Self.numbers(chinese.stdout) == Self.numbers(english.stdout), "\(arguments) \(format)")
            #expect(chinese.stdout != english.stdout)
        }
    }

    @Test("the Chinese text uses the glossary's terms and leaves no English sentence", arguments: cases)
    func chineseProse(_ arguments: [String]) throws {
        let glossary = try Self.glossary()
        for format in ["text", "markdown", "html"] {
            let run = try TraceExecutable.run(arguments + ["--format", format, "--lang", "zh-Hans"])
            #expect(run.status == 0)
            #expect(glossary.aliasUses(in: run.stdout).isEmpty, "\(format): \(glossary.aliasUses(in: run.stdout))")
            let prose = format == "html" ? Self.visibleText(run.stdout) : run.stdout
            let findings = UntranslatedProse.find(in: prose, threshold: 4)
            #expect(findings.isEmpty, "\(format): \(findings)")
        }
    }

    @Test("English is the default; the zh locale without --lang gives Chinese; --lang en overrides it")
    func locale() throws {
        let english = try TraceExecutable.run([])
        let chinese = try TraceExecutable.run(["--lang", "zh-Hans"])
        let fromLocale = try TraceExecutable.run([], environment: ["LC_ALL": nil, "LANG": "zh_CN.UTF-8"])
        let overridden = try TraceExecutable.run(["--lang", "en"], environment: ["LC_ALL": "zh_CN.UTF-8"])
        #expect(fromLocale.stdout == chinese.stdout)
        #expect(overridden.stdout == english.stdout)
        #expect(chinese.stdout.hasPrefix("反向传播逐步演示"))
        let bad = try TraceExecutable.run(["--lang", "fr"])
        #expect(bad.status == 64)
    }

    @Test("JSON does not change with the language")
    func json() throws {
        let arguments = ["--format", "json", "--batch", "2", "--lambda", "1"]
        let english = try TraceExecutable.run(arguments)
        let chinese = try TraceExecutable.run(arguments + ["--lang", "zh-Hans"])
        #expect(english.status == 0)
        #expect(chinese.stdout == english.stdout)
    }

    @Test("the Chinese default trace matches the golden file")
    func golden() throws {
        let run = try TraceExecutable.run(["--lang", "zh-Hans"])
        #expect(run.status == 0)
        let golden = try TraceExecutable.golden("default.zh-Hans.txt", actual: run.stdout)
        #expect(TraceExecutable.maskingCheck(run.stdout) == TraceExecutable.maskingCheck(golden))
        #expect(try Self.glossary().aliasUses(in: golden).isEmpty)
    }

    @Test("the Chinese page and LaTeX: lang attribute, translated page text, ctex")
    func pageAndLatex() throws {
        let page = try TraceExecutable.run(["--format", "html", "--lang", "zh-Hans"]).stdout
        #expect(page.contains("<html lang=\"zh-Hans\">"))
        #expect(page.contains(PageText.chinese.stepsHeading) && page.contains(PageText.chinese.legendHeading))
        #expect(!page.contains(PageText.english.keysHint))
        let svg = try TraceExecutable.run(["--format", "svg", "--lang", "zh-Hans"]).stdout
        #expect(svg.contains("输入层") && !svg.contains("input, l = 1"))
        let latex = try TraceExecutable.run(["--format", "latex", "--lang", "zh-Hans"]).stdout
        #expect(latex.contains("\\usepackage{ctex}"))
        #expect(!(try TraceExecutable.run(["--format", "latex"]).stdout.contains("ctex")))
    }

    /// The text a reader sees on a page: tags, the style sheet and the script removed.
    static func visibleText(_ html: String) -> String {
        html.replacing(/<style>[\s\S]*?<\/style>/, with: "")
            .replacing(/<script>[\s\S]*?<\/script>/, with: "")
            .replacing(/<[^>]*>/, with: " ")
    }
}
