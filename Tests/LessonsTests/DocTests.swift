import Foundation
import Course
import Localization
import Testing

/// The doc-test: every command a lesson shows is run, and what it prints must be what
/// the lesson says it prints (timings aside).
///
/// Commands run on the executables `swift test` has just built (it builds every product
/// of the package, not only the tests), found next to the test bundle like
/// swift-argument-parser's executable tests do; see `ExecutableLocator`.
///
/// The translations (`lessons/zh-Hans/`) show the same commands, run in their language's
/// locale, with the output the tools print there: their arguments are `zh-Hans/NN-name.md`.
@Suite("Doc-test: lessons print what they say")
struct DocTests {
    /// The lessons of this checkout in `language`, found from this file's path.
    static func catalog(_ language: Language) -> Result<LessonCatalog, LessonCatalogError> {
        Result { () throws(LessonCatalogError) in
            try LessonCatalog(directory: LessonCatalog.locateDirectory(sourceFile: #filePath), language: language)
        }
    }

    /// The English lessons.
    static let catalog = catalog(.english)
    /// The Chinese lessons.
    static let chineseCatalog = catalog(.simplifiedChinese)

    /// Every lesson file, English (`04-gradient-descent.md`) and Chinese
    /// (`zh-Hans/04-gradient-descent.md`); new lesson files are picked up without
    /// changing this test.
    static var lessonFiles: [String] {
        ((try? catalog.get().lessons.map(\.fileName)) ?? [])
            + ((try? chineseCatalog.get().lessons.map { "zh-Hans/" + $0.fileName }) ?? [])
    }

    /// Whether `console slow` blocks run too.
    static var runSlow: Bool { ProcessInfo.processInfo.environment["BACKPROPLAB_DOCTEST_SLOW"] == "1" }

    @Test("the lessons/ directory is found and holds lessons")
    func lessonsAreFound() throws {
        let catalog = try Self.catalog.get()
        #expect(!catalog.lessons.isEmpty, "no NN-name.md files in \(catalog.directory.path)")
        let chinese = try Self.chineseCatalog.get()
        #expect(!chinese.lessons.isEmpty, "no NN-name.md files in \(chinese.lessonDirectory.path)")
    }

    @Test("every command of the lesson prints the output shown below it", arguments: lessonFiles)
    func lessonOutputMatches(fileName: String) throws {
        let isChinese = fileName.hasPrefix("zh-Hans/")
        let catalog = try (isChinese ? Self.chineseCatalog : Self.catalog).get()
        let name = isChinese ? String(fileName.dropFirst("zh-Hans/".count)) : fileName
        let lesson = try #require(catalog.lessons.first { $0.fileName == name })
        let where_ = catalog.relativePath(lesson)
        for problem in lesson.problems {
            Issue.record("\(where_):\(problem.line): \(problem.message)")
        }
        // A lesson's commands speak the lesson's language whatever the machine's LANG is,
        // as `lessons run` runs them: the English lessons in the C locale, the Chinese ones
        // with LC_ALL=zh_CN.UTF-8, so a Chinese lesson shows what the tools print to a
        // Chinese reader (TranslationTests checks its numbers are the English lesson's).
        let runner = CommandRunner(locator: ExecutableLocator(packageRoot: catalog.packageRoot),
                                   environment: catalog.language.localeEnvironment)
        let tour = LessonTour(catalog: catalog, runner: runner)
        for command in lesson.commands {
            let label = "\(where_):\(command.line): $ \(command.commandLine)"
            if command.isSlow && !Self.runSlow {
                Issue.record("skipped (console slow; set BACKPROPLAB_DOCTEST_SLOW=1 to run it): \(label)", severity: .warning)
                continue
            }
            if tour.missingData(command, lesson: lesson.number) != nil {
                Issue.record("skipped (no MNIST data in \(command.dataDirectory ?? "")): \(label)", severity: .warning)
                continue
            }
            guard let expected = command.expectedOutput else { continue }   // reported as a problem above
            let result: CommandResult
            do {
                result = try tour.runner.capture(command)
            } catch {
                Issue.record("\(label)\n\(error)")
                continue
            }
            // Status 1 is an outcome some lessons show on purpose (a gradient check that
            // fails); anything else — a usage error, a bad file, a crash — is a broken lesson.
            if result.status != 0 && result.status != 1 {
                let stderr = result.standardError.split(separator: "\n").prefix(5).joined(separator: "\n")
                Issue.record("\(label)\nexited with status \(result.status)\n\(stderr)")
                continue
            }
            let want = OutputNormalizer.normalize(expected)
            let got = OutputNormalizer.normalize(result.standardOutput)
            if want != got {
                let diff = LineDiff.describe(expected: want, actual: got, firstLine: (command.expectedOutputLine ?? 0) + 1)
                let heading = "prints something else than the text block at line \(command.expectedOutputLine ?? 0) (- lesson, + actual):"
                Issue.record(Comment(rawValue: "\(label)\n\(heading)\n\(diff)"))
            }
        }
    }
}
