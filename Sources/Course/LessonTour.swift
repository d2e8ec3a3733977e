import Foundation

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

    /// Every lesson with its number, title and commands.
    public func listing() -> String {
        var lines = ["BackpropLab lessons (\(catalog.directory.lastPathComponent)/README.md has the index and a glossary)", ""]
        for lesson in catalog.lessons {
            lines.append(String(format: "%2d  ", lesson.number) + lesson.title + "  (\(lesson.fileName))")
            for command in lesson.commands {
                var notes: [String] = []
                if command.isSlow { notes.append("slow") }
                if command.dataDirectory != nil { notes.append("needs MNIST") }
                lines.append("      $ " + command.commandLine + (notes.isEmpty ? "" : "   (" + notes.joined(separator: ", ") + ")"))
            }
            if lesson.commands.isEmpty { lines.append("      (reading only)") }
            for problem in lesson.problems {
                lines.append("      ! \(lesson.fileName):\(problem.line): \(problem.message)")
            }
        }
        lines += ["", "Run a lesson's commands with: swift run lessons run N   (--step pauses between them, --data DIR for MNIST)"]
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
        return "this command needs the MNIST data in \(directory), which is not there.\n"
            + "Get it with 'swift run mnist download', or point to a copy with 'swift run lessons run \(lesson) --data DIR'."
    }

    /// Runs every command of `lesson` in order, with a heading before each, pausing for
    /// Enter between them when `step` is set and standard input is a terminal.
    /// Returns whether every command that ran exited with status 0.
    public func run(_ lesson: Lesson, step: Bool, stdinIsTerminal: Bool) -> Bool {
        print("Lesson \(lesson.number): \(lesson.title)")
        if !lesson.goal.isEmpty { print(Self.wrap("Goal: " + lesson.goal, width: 88)) }
        if lesson.commands.isEmpty {
            print("\nThis lesson has no commands to run; read \(catalog.directory.lastPathComponent)/\(lesson.fileName).")
        }
        var allPassed = true
        for (index, original) in lesson.commands.enumerated() {
            let command = prepared(original)
            if index > 0, step, stdinIsTerminal {
                print("\n[Enter] for the next command…", terminator: "")
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
                    print("(exited with status \(status))")
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
        print("(building \(command.executable) first: swift build --product \(command.executable))")
        let arguments = ["swift", "build", "--product", command.executable]
            + (command.configuration == .release ? ["-c", "release"] : [])
        do {
            let status = try runner.stream(URL(fileURLWithPath: "/usr/bin/env"), arguments, name: "swift build")
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

    /// `text` broken at spaces into lines of at most `width` characters (longer words
    /// stay whole).
    public static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    static func printError(_ message: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
