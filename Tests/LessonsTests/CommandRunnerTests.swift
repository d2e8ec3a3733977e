import Foundation
import Course
import Testing

@Suite("Finding and running the built executables")
struct CommandRunnerTests {
    @Test func swiftTestBuildsTheExecutablesNextToTheTestBundle() throws {
        // `swift test` builds every product; the test bundle sits in the same directory.
        let products = try #require(ExecutableLocator.runningProductsDirectory())
        #expect(FileManager.default.isExecutableFile(atPath: products.appendingPathComponent("lessons").path),
                "no lessons executable in \(products.path)")
    }

    @Test func capturesOutputErrorAndStatusFromThePackageRoot() throws {
        let package = try ScratchPackage()
        try package.addExecutable("hello", script: "pwd; echo \"args: $*\"; echo oops >&2; exit 3")
        let runner = CommandRunner(locator: ExecutableLocator(packageRoot: package.root, productsDirectory: nil))
        let command = try LessonParser.parseCommandLine("$ swift run hello --seed 2", line: 1).get()
        let result = try runner.capture(command)
        #expect(result.status == 3)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(URL(fileURLWithPath: lines[0]).resolvingSymlinksInPath().path == package.root.resolvingSymlinksInPath().path)
        #expect(lines[1] == "args: --seed 2")
        #expect(result.standardError == "oops\n")
    }

    @Test func releaseCommandsFallBackToADebugBuild() throws {
        let package = try ScratchPackage()
        try package.addExecutable("tool", script: "echo debug")
        let locator = ExecutableLocator(packageRoot: package.root, productsDirectory: nil)
        let release = try LessonParser.parseCommandLine("$ swift run -c release tool", line: 1).get()
        #expect(locator.locate(release)?.path.hasSuffix(".build/debug/tool") == true)
        try package.addExecutable("tool", configuration: "release", script: "echo release")
        #expect(locator.locate(release)?.path.hasSuffix(".build/release/tool") == true)
    }

    @Test func theProductsDirectoryComesFirstAndNamesItsSibling() {
        let locator = ExecutableLocator(packageRoot: URL(fileURLWithPath: "/p"),
                                        productsDirectory: URL(fileURLWithPath: "/p/.build/x86_64-unknown-linux-gnu/debug"))
        #expect(locator.candidateDirectories(for: .debug).map(\.path) == ["/p/.build/x86_64-unknown-linux-gnu/debug", "/p/.build/debug"])
        #expect(locator.candidateDirectories(for: .release).map(\.path) == ["/p/.build/x86_64-unknown-linux-gnu/release", "/p/.build/release"])
    }

    @Test func anUnbuiltExecutableIsAClearError() throws {
        let package = try ScratchPackage()
        let runner = CommandRunner(locator: ExecutableLocator(packageRoot: package.root, productsDirectory: nil))
        let command = try LessonParser.parseCommandLine("$ swift run missing", line: 1).get()
        #expect(throws: CommandRunnerError.self) { try runner.capture(command) }
        do {
            _ = try runner.capture(command)
        } catch {
            #expect(error.description.contains("'missing' has not been built"))
        }
    }
}
