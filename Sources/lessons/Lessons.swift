import ArgumentParser
import CommandLineSupport
import Foundation
import Course
import Localization
import Rendering

/// The course tour: lists the lessons, or runs one lesson's commands in order.
@main
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the BackpropLab lessons, or run one lesson's commands in order.",
        discussion: """
            With no arguments, lists every lesson in lessons/ with its commands. \
            --lang zh-Hans lists and runs the Chinese lessons (lessons/zh-Hans/); without --lang \
            the language follows the locale (LC_ALL, LC_MESSAGES, LANG starting with zh).
            """,
        subcommands: [List.self, Run.self, GlossaryCommand.self],
        defaultSubcommand: List.self
    )

    /// The lessons of this checkout in `language`.
    static func catalog(_ language: Language) throws -> LessonCatalog {
        do {
            let directory = try LessonCatalog.locateDirectory(sourceFile: #filePath)
            return try LessonCatalog(directory: directory, language: language)
        } catch {
            throw TourError(description: "\(error)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the lessons and their commands (the default).")

        @OptionGroup var language: LanguageOption

        func run() throws {
            let catalog = try Lessons.catalog(language.resolved())
            let tour = LessonTour(catalog: catalog, runner: CommandRunner(locator: ExecutableLocator(packageRoot: catalog.packageRoot)))
            print(tour.listing())
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run lesson N's commands in order, with a heading before each.")

        @Argument(help: "The lesson number, e.g. 4.")
        var number: Int

        @Flag(help: "Pause for Enter between commands (only when standard input is a terminal).")
        var step = false

        @Option(help: "MNIST directory to give every command that takes --data.")
        var data: String?

        @OptionGroup var language: LanguageOption

        func run() throws {
            let catalog = try Lessons.catalog(language.resolved())
            guard let lesson = catalog.lesson(number) else {
                let known = catalog.lessons.map { String($0.number) }.joined(separator: ", ")
                throw TourError(description: "there is no lesson \(number) (lessons: \(known))")
            }
            // The lesson's commands speak the lesson's language: the Chinese lessons run under a zh_CN locale.
            let runner = CommandRunner(locator: ExecutableLocator(packageRoot: catalog.packageRoot),
                                       environment: catalog.language.localeEnvironment)
            let tour = LessonTour(catalog: catalog, runner: runner,
                                  dataDirectory: data.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
            guard tour.run(lesson, step: step, stdinIsTerminal: Terminal.isStandardInputATerminal) else {
                throw ExitStatus.checkFailed
            }
        }
    }
}

/// A problem worth one line, without the usage text `ValidationError` adds.
struct TourError: Error, CustomStringConvertible {
    var description: String
}
