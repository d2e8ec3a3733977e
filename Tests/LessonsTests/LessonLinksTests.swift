import Foundation
import TestSupport
import Testing

/// Every lesson says which code it is about, as swift-algorithms' guides do, and its
/// links stay valid as files move.
@Suite("Lessons link to their source and tests")
struct LessonLinksTests {
    static let lessonsDirectory = PackagePaths.root.appendingPathComponent("lessons")

    static let lessonFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessonsDirectory.path)) ?? []
        return names.filter { $0.first?.isNumber == true && $0.hasSuffix(".md") }.sorted()
    }()

    /// The targets of the Markdown links `[text](target)` in `text`.
    static func linkTargets(_ text: String) -> [String] {
        text.matches(of: /\]\(([^)\s]+)\)/).map { String($0.1) }
    }

    @Test("there are lessons to check")
    func lessonsFound() {
        #expect(Self.lessonFiles.count >= 8)
    }

    @Test("the line under the title is [Source: … | Tests: …] and links existing files", arguments: lessonFiles)
    func sourceAndTestsLine(file: String) throws {
        let text = try String(contentsOf: Self.lessonsDirectory.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count > 2)
        #expect(lines[0].hasPrefix("# "))
        let line = lines[2]
        #expect(line.hasPrefix("[Source: ") && line.contains(" | Tests: ") && line.hasSuffix("]"), "\(file): \(line)")
        let parts = line.split(separator: " | Tests: ", maxSplits: 1).map(String.init)
        try #require(parts.count == 2)
        #expect(Self.linkTargets(parts[0]).allSatisfy { $0.hasPrefix("../Sources/") } && !Self.linkTargets(parts[0]).isEmpty, "\(file)")
        #expect(Self.linkTargets(parts[1]).allSatisfy { $0.hasPrefix("../Tests/") } && !Self.linkTargets(parts[1]).isEmpty, "\(file)")
    }

    @Test("every relative link in a lesson names a file or folder that exists", arguments: lessonFiles)
    func relativeLinksExist(file: String) throws {
        let text = try String(contentsOf: Self.lessonsDirectory.appendingPathComponent(file), encoding: .utf8)
        for target in Self.linkTargets(text) where !target.contains("://") && !target.hasPrefix("#") && !target.hasPrefix("mailto:") {
            let path = String(target.prefix { $0 != "#" })
            let url = Self.lessonsDirectory.appendingPathComponent(path).standardized
            #expect(FileManager.default.fileExists(atPath: url.path), "\(file) links to \(target), which does not exist")
        }
    }
}
