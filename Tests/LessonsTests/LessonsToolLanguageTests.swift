import Foundation
import Course
import Localization
import Testing
import TestSupport

/// The built `lessons` executable picks its language from `--lang`, else the locale.
@Suite("lessons --lang and the locale, run as users run it")
struct LessonsToolLanguageTests {
    /// Runs the built `lessons` with `arguments` and exactly the locale variables given
    /// (the test's own LC_ALL, LC_MESSAGES and LANG removed); gives up after 60 s.
    static func run(_ arguments: [String], locale: [String: String]) throws -> (status: Int32, output: String, error: String) {
        var changes: [String: String?] = ["LC_ALL": nil, "LC_MESSAGES": nil, "LANG": nil]
        for (name, value) in locale { changes[name] = .some(value) }
        let result = try TestProcess.run(built: "lessons", arguments, environment: TestProcess.environment(changes), timeout: .seconds(60))
        return (result.status, result.stdout, result.stderr)
    }

    /// How many lessons a listing shows (lines " N  title  (NN-name.md)").
    static func lessonCount(_ listing: String) -> Int {
        listing.split(separator: "\n").filter { $0.hasSuffix(".md)") && !$0.hasPrefix("      ") }.count
    }

    @Test func theFlagAndTheLocaleChooseTheLessons() throws {
        let english = try Self.run([], locale: ["LANG": "en_US.UTF-8"])
        #expect(english.status == 0)
        #expect(english.output.hasPrefix("BackpropLab lessons (lessons/README.md"))
        #expect(english.output.contains("(01-perceptrons.md)"))

        let flag = try Self.run(["--lang", "zh-Hans"], locale: ["LANG": "en_US.UTF-8"])
        #expect(flag.status == 0)
        #expect(flag.output.hasPrefix("BackpropLab 课程（lessons/zh-Hans/README.md"))
        #expect(flag.output.contains(" 1  感知机"))
        // Every Chinese lesson file is listed, whatever their number.
        let chineseFiles = try FileManager.default.contentsOfDirectory(
            atPath: LessonCatalog.locateDirectory(sourceFile: #filePath).appendingPathComponent("zh-Hans").path)
            .filter { LessonParser.lessonNumber(fileName: $0) != nil }
        #expect(Self.lessonCount(flag.output) == chineseFiles.count)

        #expect(try Self.run([], locale: ["LANG": "zh_CN.UTF-8"]).output == flag.output)
        #expect(try Self.run(["list"], locale: ["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]).output == flag.output)
        #expect(try Self.run([], locale: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]).output == english.output)
        #expect(try Self.run(["--lang", "en"], locale: ["LANG": "zh_CN.UTF-8"]).output == english.output)
    }

    @Test("lessons glossary: the 中文 and aliases columns start at the same terminal column on every line")
    func glossaryTableIsAligned() throws {
        let directory = try LessonCatalog.locateDirectory(sourceFile: #filePath)
        let glossary = try Glossary.load(from: directory.appendingPathComponent("glossary.tsv"))
        let result = try Self.run(["glossary"], locale: [:])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        try #require(lines.count == glossary.entries.count + 2)
        let header = lines[0]
        let chineseHeading = try #require(header.range(of: "中文"))
        let aliasHeading = try #require(header.range(of: "其他译法"))
        let chineseColumn = DisplayWidth.columns(String(header[..<chineseHeading.lowerBound]))
        let aliasColumn = DisplayWidth.columns(String(header[..<aliasHeading.lowerBound]))
        for (line, entry) in zip(lines.dropFirst(2), glossary.entries) {
            #expect(line.hasPrefix(entry.english + " "))
            let rest = line.index(line.startIndex, offsetBy: entry.english.count)
            let chinese = try #require(line.range(of: entry.chinese, range: rest..<line.endIndex))
            #expect(DisplayWidth.columns(String(line[..<chinese.lowerBound])) == chineseColumn, "misaligned: \(line)")
            if let alias = entry.aliases.first, let found = line.range(of: alias, range: chinese.upperBound..<line.endIndex) {
                #expect(DisplayWidth.columns(String(line[..<found.lowerBound])) == aliasColumn, "misaligned: \(line)")
            }
        }
        let markdown = try Self.run(["glossary", "--markdown"], locale: [:])
        #expect(markdown.output == glossary.markdownTable() + "\n")
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let result = try Self.run(["--lang", "fr"], locale: [:])
        #expect(result.status == 64)
        #expect(result.error.contains("unknown language 'fr' (use one of: en, zh-Hans)"))
        let run = try Self.run(["run", "99", "--lang", "zh-Hans"], locale: [:])
        #expect(run.status != 0)
        #expect(run.error.contains("there is no lesson 99"))
    }
}
