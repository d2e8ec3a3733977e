import Foundation
import Course
import Testing

@Suite("The lesson catalog and the tour")
struct LessonTourTests {
    @Test func catalogReadsNumberedLessonsInOrder() throws {
        let package = try ScratchPackage()
        try package.addLesson("10-later.md", "# Lesson 10 — Later\n")
        try package.addLesson("02-early.md", "# Early\n\n**Goal:** start.\n\n```console\n$ swift run t --data ../nowhere\n```\n\n```text\nx\n```\n")
        try package.addLesson("README.md", "# Index\n")
        let catalog = try LessonCatalog(directory: package.root.appendingPathComponent("lessons"))
        #expect(catalog.lessons.map(\.number) == [2, 10])
        #expect(catalog.lesson(10)?.title == "Later")
        let tour = LessonTour(catalog: catalog, runner: CommandRunner(locator: ExecutableLocator(packageRoot: package.root, productsDirectory: nil)))
        let listing = tour.listing()
        #expect(listing.contains(" 2  Early  (02-early.md)\n      $ swift run t --data ../nowhere   (needs MNIST)"))
        #expect(listing.contains("10  Later  (10-later.md)\n      (reading only)"))
        let command = try #require(catalog.lesson(2)?.commands.first)
        #expect(tour.missingData(command, lesson: 2)?.contains("swift run lessons run 2 --data DIR") == true)
        var withData = tour
        withData.dataDirectory = package.root.path
        #expect(withData.missingData(withData.prepared(command), lesson: 2) == nil)
    }

    @Test func theDirectoryIsFoundFromTheWorkingDirectoryOrTheSourceFile() throws {
        let package = try ScratchPackage()
        let lessons = package.root.appendingPathComponent("lessons").resolvingSymlinksInPath()
        let fromHere = try LessonCatalog.locateDirectory(currentDirectory: package.root.path, sourceFile: "/nowhere/x.swift")
        #expect(fromHere.resolvingSymlinksInPath() == lessons)
        let source = package.root.appendingPathComponent("Sources/lessons/Tour.swift").path
        let fromSource = try LessonCatalog.locateDirectory(currentDirectory: "/", sourceFile: source)
        #expect(fromSource.resolvingSymlinksInPath() == lessons)
        #expect(throws: LessonCatalogError.self) {
            try LessonCatalog.locateDirectory(currentDirectory: "/", sourceFile: "/nowhere/x.swift")
        }
    }

    @Test func goalsAreWrapped() {
        #expect(LessonTour.wrap("aaa bbb ccc dddddddd e", width: 7) == "aaa bbb\nccc\ndddddddd\ne")
        #expect(LessonTour.wrap("", width: 7).isEmpty)
    }
}
