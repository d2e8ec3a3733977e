import ArgumentParser
import CommandLineSupport
import Foundation
import Lessons
import Rendering

/// The course tour: lists the lessons, or runs one lesson's commands in order.
@main
struct LessonsTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the BackpropLab lessons, or run one lesson's commands in order.",
        discussion: "With no arguments, lists every lesson in lessons/ with its commands.",
        subcommands: [List.self, Run.self],
        defaultSubcommand: List.self
    )

    /// The lessons of this checkout.
    static func catalog() throws -> LessonCatalog {
        do {
            let directory = try LessonCatalog.locateDirectory(sourceFile: #filePath)
            return try LessonCatalog(directory: directory)
        } catch {
            throw TourError(description: "\(error)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the lessons and their commands (the default).")

        func run() throws {
            let catalog = try LessonsTool.catalog()
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

        func run() throws {
            let catalog = try LessonsTool.catalog()
            guard let lesson = catalog.lesson(number) else {
                let known = catalog.lessons.map { String($0.number) }.joined(separator: ", ")
                throw TourError(description: "there is no lesson \(number) (lessons: \(known))")
            }
            let tour = LessonTour(catalog: catalog, runner: CommandRunner(locator: ExecutableLocator(packageRoot: catalog.packageRoot)),
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
