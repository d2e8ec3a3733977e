import ArgumentParser
import CommandLineSupport
import Foundation
import Course
import Localization
import Rendering

/// `lessons glossary`: the English ↔ 中文 terminology of `lessons/glossary.tsv`.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Print the English ↔ 中文 glossary (lessons/glossary.tsv) as a table.",
        discussion: "--markdown prints the table at the end of lessons/README.md, which a test keeps equal to the file."
    )

    @Flag(help: "Print the Markdown table of lessons/README.md instead of an aligned text table.")
    var markdown = false

    @OptionGroup var format: FormatOption

    func run() throws {
        let file: URL
        do {
            file = try LessonCatalog.locateDirectory(sourceFile: #filePath).appendingPathComponent("glossary.tsv")
        } catch {
            throw TourError(description: "\(error)")
        }
        let glossary: Glossary
        do {
            glossary = try Glossary.load(from: file)
        } catch {
            FileHandle.standardError.write(Data("lessons: \(error)\n".utf8))
            throw ExitStatus.badInput
        }
        try format.print(glossary.entries) {
            if markdown { return glossary.markdownTable() }
            var table = TextTable(header: ["English", "中文", "其他译法（不用） · aliases, not used"])
            for entry in glossary.entries {
                table.append([entry.english, entry.chinese, entry.aliases.joined(separator: "、")])
            }
            return table.render()
        }
    }
}
