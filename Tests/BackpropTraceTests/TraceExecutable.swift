import Foundation

/// Runs the built `backprop-trace` executable, as swift-argument-parser's example
/// tests run theirs: the binary sits beside the test bundle in `.build/<config>/`.
enum TraceExecutable {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The golden files' folder.
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The executable: next to the test bundle, else in `.build/debug`.
    static var url: URL? {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("backprop-trace") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the executable with `arguments` from the package root, standard input
    /// from /dev/null (not a terminal).
    static func run(_ arguments: [String]) throws -> Result {
        guard let url else { throw NotBuilt() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The golden file `name`, or (with `UPDATE_GOLDEN=1` in the environment) writes
    /// `actual` there first.
    static func golden(_ name: String, actual: String) throws -> String {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// `text` with the closing check's error value replaced by `…`: that number comes
    /// from the `GradientChecking` library's finite differences, whose arithmetic may
    /// change without the trace changing. Tests check the value separately.
    static func maskingCheck(_ text: String) -> String {
        text.replacing(/(max\(\|backprop\|, \|numeric\|\): )[0-9.e+-]+/, with: { "\($0.1)…" })
            .replacing(/("max_relative_error": )[0-9.e+-]+/, with: { "\($0.1)…" })
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "backprop-trace is not built: run swift build first" }
    }
}
