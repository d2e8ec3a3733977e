import Foundation
import Course
import Localization
import Testing

/// The Chinese course kept true: one terminology (`lessons/glossary.tsv`), no alias, no
/// English sentence left behind, and the same commands and outputs as the English
/// lessons, so the two read side by side.
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

    @Test("each Chinese lesson has the English lesson's sections, commands and outputs")
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
            #expect(lesson.commands.map(\.expectedOutput) == original.commands.map(\.expectedOutput), "\(path): other outputs than lessons/\(lesson.fileName)")
            #expect(lesson.commands.map(\.isSlow) == original.commands.map(\.isSlow), "\(path): console slow markers differ")
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
