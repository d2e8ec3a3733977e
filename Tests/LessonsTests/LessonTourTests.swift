import Foundation
import Course
import Localization
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
        let source = package.root.appendingPathComponent("Sources/lessons/Lessons.swift").path
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

    @Test("Chinese goals wrap between characters, by terminal columns, never before ，。")
    func chineseGoalsAreWrapped() {
        // Each character takes two columns: four fit in 8.
        #expect(LessonTour.wrap("感知机计算与非门", width: 8) == "感知机计\n算与非门")
        #expect(LessonTour.wrap("看清规则，再学习。", width: 8) == "看清规\n则，再学\n习。")
        #expect(LessonTour.wrap("用 σ 代替阶跃 step", width: 10) == "用 σ 代替\n阶跃 step")
    }

    @Test("the Chinese lessons are read from lessons/zh-Hans, with the same file names")
    func chineseCatalog() throws {
        let package = try ScratchPackage()
        try package.addLesson("01-first.md", "# Lesson 1 — First\n\n**Goal:** start.\n")
        let zh = package.root.appendingPathComponent("lessons/zh-Hans")
        try FileManager.default.createDirectory(at: zh, withIntermediateDirectories: true)
        try Data("# 第 1 课　开始\n\n**目标。** 从这里\n开始。\n\n```console\n$ swift run t --data ../nowhere\n```\n\n```text\nx\n```\n".utf8)
            .write(to: zh.appendingPathComponent("01-first.md"))
        let directory = package.root.appendingPathComponent("lessons")
        let english = try LessonCatalog(directory: directory)
        let chinese = try LessonCatalog(directory: directory, language: .simplifiedChinese)
        #expect(english.lessons.map(\.title) == ["First"])
        let lesson = try #require(chinese.lesson(1))
        #expect(lesson.title == "开始")
        #expect(lesson.goal == "从这里开始。")
        #expect(chinese.relativePath(lesson) == "lessons/zh-Hans/01-first.md")
        #expect(chinese.packageRoot.resolvingSymlinksInPath().path == package.root.resolvingSymlinksInPath().path)
        let tour = LessonTour(catalog: chinese, runner: CommandRunner(locator: ExecutableLocator(packageRoot: package.root, productsDirectory: nil)))
        let listing = tour.listing()
        #expect(listing.hasPrefix("BackpropLab 课程（lessons/zh-Hans/README.md 有目录和术语表）"))
        #expect(listing.contains(" 1  开始  (01-first.md)\n      $ swift run t --data ../nowhere   (需要 MNIST)"))
        #expect(tour.missingData(try #require(lesson.commands.first), lesson: 1)?.contains("swift run lessons run 1 --data DIR") == true)
        #expect(throws: LessonCatalogError.self) {
            try LessonCatalog(directory: package.root.appendingPathComponent("nowhere"), language: .simplifiedChinese)
        }
    }
}
