import Foundation
import Localization

/// The lessons of a `lessons/` directory in one language, and how to find that directory.
///
/// The English lessons are `lessons/NN-name.md`; a translation lives in a subdirectory
/// named by its language tag, with the same file names: `lessons/zh-Hans/NN-name.md`.
/// Whatever lesson files a language's directory holds are its lessons.
public struct LessonCatalog: Sendable {
    /// The `lessons/` directory.
    public var directory: URL
    /// The language of the lessons read.
    public var language: Language
    /// Every `NN-name.md` of that language, by number.
    public var lessons: [Lesson]

    /// The package root: the directory that holds `lessons/`.
    public var packageRoot: URL { directory.deletingLastPathComponent() }

    /// Where the lessons of `language` are: `lessons/` for English, else `lessons/<tag>/`.
    public var lessonDirectory: URL { Self.lessonDirectory(directory, language) }

    /// The lesson's path from the package root, e.g. `lessons/zh-Hans/04-gradient-descent.md`.
    public func relativePath(_ lesson: Lesson) -> String {
        relativeDirectory + "/" + lesson.fileName
    }

    /// The lesson directory from the package root: `lessons` or `lessons/zh-Hans`.
    public var relativeDirectory: String {
        directory.lastPathComponent + (language == .english ? "" : "/" + language.tag)
    }

    /// Reads every lesson file of `language` under `directory` (the `lessons/` directory).
    public init(directory: URL, language: Language = .english) throws(LessonCatalogError) {
        let folder = Self.lessonDirectory(directory, language)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .unreadable(folder.path)
        }
        var lessons: [Lesson] = []
        for name in names where LessonParser.lessonNumber(fileName: name) != nil {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw .unreadable(url.path) }
            lessons.append(LessonParser.parse(text, fileName: name))
        }
        self.directory = directory
        self.language = language
        self.lessons = lessons.sorted { ($0.number, $0.fileName) < ($1.number, $1.fileName) }
    }

    private static func lessonDirectory(_ directory: URL, _ language: Language) -> URL {
        language == .english ? directory : directory.appendingPathComponent(language.tag)
    }

    /// The lesson numbered `number`, if there is one.
    public func lesson(_ number: Int) -> Lesson? {
        lessons.first { $0.number == number }
    }

    /// The `lessons/` directory: `lessons` in the current directory (the package root,
    /// where `swift run` and `swift test` start), else the `lessons` directory next to
    /// the `Package.swift` above `sourceFile` (pass `#filePath`, which still points into
    /// the checkout when the program runs from elsewhere).
    public static func locateDirectory(
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        sourceFile: String
    ) throws(LessonCatalogError) -> URL {
        let fm = FileManager.default
        var tried: [String] = []
        let here = URL(fileURLWithPath: currentDirectory).appendingPathComponent("lessons")
        tried.append(here.path)
        if isDirectory(here) { return here }
        var dir = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        while dir.path != "/" && !dir.path.isEmpty {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let candidate = dir.appendingPathComponent("lessons")
                tried.append(candidate.path)
                if isDirectory(candidate) { return candidate }
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        throw .notFound(tried: tried)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
}

/// Why the lessons could not be read.
public enum LessonCatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(tried: [String])
    case unreadable(String)

    public var description: String {
        switch self {
        case .notFound(let tried):
            "cannot find the lessons/ directory (tried \(tried.joined(separator: ", "))); run from the BackpropLab package root"
        case .unreadable(let path):
            "cannot read \(path)"
        }
    }
}
