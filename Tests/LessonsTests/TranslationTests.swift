import Foundation
import Course
import Localization
import Testing

/// The Chinese course kept true: one terminology (`lessons/glossary.tsv`), no alias, no
/// English sentence left behind, and the same commands as the English lessons, whose
/// outputs — the tools' Chinese, printed under the zh locale — hold the same numbers in
/// the same order as the English outputs, so the two read side by side.
@Suite("The Chinese lessons: glossary terms, translated prose, same commands as English")
struct TranslationTests {
    /// The package root of this checkout.
    static let root: URL? = try? LessonCatalog.locateDirectory(sourceFile: #filePath).deletingLastPathComponent()

    static func glossary() throws -> Glossary {
        try Glossary.load(from: #require(root).appendingPathComponent("lessons/glossary.tsv"))
    }

    /// Every Chinese text people read: `lessons/zh-Hans/*.md` and `README.zh-Hans.md`,
    /// as paths from the package root.
    static var chineseDocuments: [String] {
        guard let root else { return [] }
        let lessons = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("lessons/zh-Hans").path)) ?? []
        return lessons.filter { $0.hasSuffix(".md") }.sorted().map { "lessons/zh-Hans/" + $0 } + ["README.zh-Hans.md"]
    }

    /// Every golden output of a test in Chinese: files under a `Tests/*/Golden/` directory
    /// whose name contains `zh-Hans`.
    static var chineseGoldenFiles: [String] {
        guard let root else { return [] }
        let tests = root.appendingPathComponent("Tests")
        guard let walker = FileManager.default.enumerator(atPath: tests.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.contains("/Golden/") && ($0 as NSString).lastPathComponent.contains("zh-Hans") }
            .sorted().map { "Tests/" + $0 }
    }

    static func read(_ path: String) throws -> String {
        let url = try #require(root).appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("the Chinese texts use the glossary's terms, never an alias", arguments: chineseDocuments + chineseGoldenFiles)
    func noAliases(path: String) throws {
        let glossary = try Self.glossary()
        for use in glossary.aliasUses(in: try Self.read(path)) {
            Issue.record("\(path):\(use.line): '\(use.alias)' is another translation; write '\(use.canonical)' (\(use.english)), as lessons/glossary.tsv says")
        }
    }

    @Test("no English sentence is left untranslated outside code", arguments: chineseDocuments)
    func proseIsTranslated(path: String) throws {
        for finding in UntranslatedProse.find(in: try Self.read(path)) {
            Issue.record("\(path):\(finding.line): six or more English words in a row, probably untranslated: \"\(finding.words)\"")
        }
    }

    /// The numbers of a tool's output, in order, timings left out: what must not change
    /// with the language. A number is a run of ASCII digits with an optional fraction
    /// and exponent (`1.366957e-02`), and the minus sign written right before it (`−2`,
    /// `-0.30000`) unless that follows a letter or digit (`x1-2` is two numbers' worth of
    /// name). Digits inside names (`x1`, `BP4`, `784,30,10`) count too: they are the
    /// same in both languages. Superscripts (w², δˡ) are symbols, not numbers here.
    static func numbers(in output: String) -> [String] {
        let text = Array(OutputNormalizer.normalize(output))
        var numbers: [String] = []
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < text.count && text[i].isASCII && text[i].isNumber }
        var i = 0
        while i < text.count {
            guard isDigit(i), !isDigit(i - 1), i == 0 || text[i - 1] != "." else { i += 1; continue }
            var number = ""
            if i > 0, text[i - 1] == "-" || text[i - 1] == "−", i < 2 || !(text[i - 2].isLetter || text[i - 2].isNumber) {
                number.append(text[i - 1])
            }
            var j = i
            while isDigit(j) { j += 1 }
            if j + 1 < text.count, text[j] == ".", isDigit(j + 1) {
                j += 1
                while isDigit(j) { j += 1 }
            }
            if j + 1 < text.count, text[j] == "e", isDigit(j + 1) || (j + 2 < text.count && (text[j + 1] == "-" || text[j + 1] == "+") && isDigit(j + 2)) {
                j += 2
                while isDigit(j) { j += 1 }
            }
            number += String(text[i..<j])
            numbers.append(number)
            i = j
        }
        return numbers
    }

    @Test("numbers are extracted in order, with their signs, timings left out")
    func numberExtraction() {
        #expect(Self.numbers(in: "Epoch 2: 456 / 1000 (0.01 s)\nbest: 45.60%, −2, -1.366957e-02") == ["2", "456", "1000", "45.60", "−2", "-1.366957e-02"])
        #expect(Self.numbers(in: "迭代期 2，456 / 1000（45.60%）；1 个迭代期用时 0.10 秒") == ["2", "456", "1000", "45.60", "1"])
        #expect(Self.numbers(in: "x1 − 2·x2, w² = 3e+00, v1.5") == ["1", "2", "2", "3e+00", "1.5"])
        #expect(Self.numbers(in: "ε = 1.00e-06") != Self.numbers(in: "ε = 1.00e-07"))
    }

    @Test("each Chinese lesson has the English lesson's sections and commands, and its outputs the same numbers")
    func sideBySide() throws {
        let directory = try LessonCatalog.locateDirectory(sourceFile: #filePath)
        let english = try LessonCatalog(directory: directory)
        let chinese = try LessonCatalog(directory: directory, language: .simplifiedChinese)
        #expect(!chinese.lessons.isEmpty)
        for lesson in chinese.lessons {
            let path = chinese.relativePath(lesson)
            guard let original = english.lessons.first(where: { $0.fileName == lesson.fileName }) else {
                Issue.record("\(path) has no English original lessons/\(lesson.fileName)")
                continue
            }
            #expect(lesson.number == original.number)
            #expect(!lesson.title.isEmpty && !lesson.goal.isEmpty, "\(path): no title or goal found")
            #expect(lesson.commands.map(\.commandLine) == original.commands.map(\.commandLine), "\(path): other commands than lessons/\(lesson.fileName)")
            #expect(lesson.commands.map(\.isSlow) == original.commands.map(\.isSlow), "\(path): console slow markers differ")
            for (command, originalCommand) in zip(lesson.commands, original.commands) {
                let numbers = Self.numbers(in: command.expectedOutput ?? "")
                let originalNumbers = Self.numbers(in: originalCommand.expectedOutput ?? "")
                guard numbers != originalNumbers else { continue }
                let at = zip(numbers, originalNumbers).prefix { $0 == $1 }.count
                Issue.record(Comment(rawValue: """
                    \(path):\(command.expectedOutputLine ?? command.line): the output of '\(command.commandLine)' has other numbers \
                    than lessons/\(lesson.fileName):\(originalCommand.expectedOutputLine ?? originalCommand.line): \
                    number \(at + 1) is \(numbers.dropFirst(at).first ?? "missing") here, \(originalNumbers.dropFirst(at).first ?? "missing") there \
                    (\(numbers.count) vs \(originalNumbers.count) numbers)
                    """))
            }
            let headings = { (text: String) in FencedBlock.scan(text).prose.filter { $0.text.hasPrefix("#") }.map { $0.text.prefix { $0 == "#" }.count } }
            #expect(headings(try Self.read(path)) == headings(try Self.read("lessons/" + lesson.fileName)),
                    "\(path): the headings (# and ##) are not those of lessons/\(lesson.fileName)")
        }
    }

    @Test("the glossary table of lessons/README.md is lessons/glossary.tsv")
    func readmeGlossaryIsTheDataFile() throws {
        let readme = try Self.read("lessons/README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex(of: "## Glossary · 术语表"), "lessons/README.md has no '## Glossary · 术语表' section")
        let table = lines[(heading + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.joined(separator: "\n")
        let expected = try Self.glossary().markdownTable()
        #expect(table == expected, "lessons/README.md's glossary differs from lessons/glossary.tsv; paste this table (swift run lessons glossary --markdown prints it):\n\(expected)")
    }
}
