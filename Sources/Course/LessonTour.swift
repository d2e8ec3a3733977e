import Foundation
import Localization

/// The `lessons` tool's work: listing the lessons and running one lesson's commands in
/// order, for a student at a terminal or a teacher in front of a class.
public struct LessonTour: Sendable {
    /// The lessons.
    public var catalog: LessonCatalog
    /// Runs the commands.
    public var runner: CommandRunner
    /// A directory to give every command that takes `--data`, instead of the lesson's.
    public var dataDirectory: String?

    public init(catalog: LessonCatalog, runner: CommandRunner, dataDirectory: String? = nil) {
        self.catalog = catalog
        self.runner = runner
        self.dataDirectory = dataDirectory
    }

    /// The tour's own sentences, in the catalog's language.
    var text: TourText { TourText(language: catalog.language) }

    /// Every lesson with its number, title and commands.
    public func listing() -> String {
        var lines = [text.listingHeading(catalog.relativeDirectory), ""]
        for lesson in catalog.lessons {
            lines.append(String(format: "%2d  ", lesson.number) + lesson.title + "  (\(lesson.fileName))")
            for command in lesson.commands {
                var notes: [String] = []
                if command.isSlow { notes.append(text.slow) }
                if command.dataDirectory != nil { notes.append(text.needsMNIST) }
                lines.append("      $ " + command.commandLine + (notes.isEmpty ? "" : "   (" + notes.joined(separator: ", ") + ")"))
            }
            if lesson.commands.isEmpty { lines.append("      " + text.readingOnly) }
            for problem in lesson.problems {
                lines.append("      ! \(lesson.fileName):\(problem.line): \(problem.message)")
            }
        }
        lines += ["", text.runHint]
        return lines.joined(separator: "\n")
    }

    /// The command as it will be run: with `--data` replaced when a data directory was given.
    public func prepared(_ command: LessonCommand) -> LessonCommand {
        guard let dataDirectory else { return command }
        return command.replacingDataDirectory(with: dataDirectory)
    }

    /// Why `command` (of lesson `lesson`) cannot run yet because its data is missing,
    /// or `nil` if it can.
    public func missingData(_ command: LessonCommand, lesson: Int) -> String? {
        guard let directory = command.dataDirectory else { return nil }
        let url = directory.hasPrefix("/") ? URL(fileURLWithPath: directory)
            : catalog.packageRoot.appendingPathComponent(directory)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.standardizedFileURL.path, isDirectory: &isDir), isDir.boolValue { return nil }
        return text.missingData(directory, lesson: lesson)
    }

    /// Runs every command of `lesson` in order, with a heading before each, pausing for
    /// Enter between them when `step` is set and standard input is a terminal.
    /// Returns whether every command that ran exited with status 0.
    public func run(_ lesson: Lesson, step: Bool, stdinIsTerminal: Bool) -> Bool {
        print(text.lessonHeading(lesson.number, lesson.title))
        if !lesson.goal.isEmpty { print(Self.wrap(text.goal(lesson.goal), width: 88)) }
        if lesson.commands.isEmpty {
            print("\n" + text.noCommands(catalog.relativePath(lesson)))
        }
        var allPassed = true
        for (index, original) in lesson.commands.enumerated() {
            let command = prepared(original)
            if index > 0, step, stdinIsTerminal {
                print("\n" + text.nextCommand, terminator: "")
                fflush(nil)
                _ = readLine()
            }
            print("\n── \(lesson.number).\(index + 1)  $ swift run \(command.configuration == .release ? "-c release " : "")\(([command.executable] + command.arguments).joined(separator: " "))\n")
            if let missing = missingData(command, lesson: lesson.number) {
                print(missing)
                continue
            }
            do {
                if runner.locator.locate(command) == nil, !build(command) {
                    allPassed = false
                    continue
                }
                let status = try runner.stream(command)
                if status != 0 {
                    print(text.exited(status))
                    allPassed = false
                }
            } catch {
                Self.printError("lessons: \(error)")
                allPassed = false
            }
        }
        return allPassed
    }

    /// Builds the product a command needs (`swift run lessons` builds only `lessons`).
    private func build(_ command: LessonCommand) -> Bool {
        print(text.building(command.executable))
        let arguments = ["swift", "build", "--product", command.executable]
            + (command.configuration == .release ? ["-c", "release"] : [])
        do {
            // A first build on a busy machine can outlast a lesson command's limit by far.
            let status = try runner.stream(URL(fileURLWithPath: "/usr/bin/env"), arguments, name: "swift build",
                                           timeout: .seconds(3600))
            guard status == 0 else {
                Self.printError("lessons: building \(command.executable) failed (status \(status))")
                return false
            }
            return true
        } catch {
            Self.printError("lessons: \(error)")
            return false
        }
    }

    /// `text` broken into lines of at most `width` terminal columns: at spaces, and
    /// between CJK characters (Chinese has no spaces), never before closing punctuation
    /// such as ，。）; a longer word stays whole.
    public static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        var space = false
        for unit in wrapUnits(text) {
            if unit == " " {
                space = !line.isEmpty
                continue
            }
            let gap = space ? " " : ""
            if !line.isEmpty, DisplayWidth.columns(line + gap + unit) > width {
                lines.append(line)
                line = unit
            } else {
                line += gap + unit
            }
            space = false
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// The pieces `wrap` may break between: Latin words, single spaces (runs collapse),
    /// and single CJK characters (with any closing punctuation after them attached).
    static func wrapUnits(_ text: String) -> [String] {
        let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "”", "’", ",", ".", ";", ":", ")"]
        var units: [String] = []
        var word = ""
        func flush() { if !word.isEmpty { units.append(word); word = "" } }
        for c in text {
            if c == " " || c == "\n" {
                flush()
                if units.last != " " { units.append(" ") }
            } else if DisplayWidth.isWide(c) {
                if closing.contains(c), let last = units.last, last != " ", word.isEmpty {
                    units[units.count - 1] = last + String(c)
                } else {
                    flush()
                    units.append(String(c))
                }
            } else if closing.contains(c), word.isEmpty, let last = units.last, last != " " {
                units[units.count - 1] = last + String(c)
            } else {
                word.append(c)
            }
        }
        flush()
        if units.first == " " { units.removeFirst() }
        return units
    }

    static func printError(_ message: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
