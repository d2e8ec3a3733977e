import Foundation
import TestSupport

/// Runs the built `backprop-trace` executable, as swift-argument-parser's example
/// tests run theirs: the binary sits beside the test bundle in `.build/<config>/`.
enum TraceExecutable {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The golden files' folder.
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The executable: next to the test bundle, else in `.build/debug`.
    static var url: URL? { BuiltExecutable.url("backprop-trace") }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the executable with `arguments` from the package root, standard input
    /// from /dev/null (not a terminal), in the C locale (English) unless `environment`
    /// says otherwise, so a Chinese locale on the test machine does not change the text.
    static func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> Result {
        guard let url else { throw NotBuilt() }
        var changes: [String: String?] = ["NO_COLOR": "1", "LC_ALL": "C.UTF-8", "LC_MESSAGES": nil, "LANG": nil]
        changes.merge(environment) { $1 }
        let result = try TestProcess.run(url, arguments, environment: TestProcess.environment(changes),
                                         currentDirectory: packageRoot)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// The golden file `name`, or (with `BACKPROPLAB_UPDATE_GOLDEN=1` in the environment)
    /// writes `actual` there first.
    static func golden(_ name: String, actual: String) throws -> String {
        try Golden.text(name, in: goldenDirectory, actual: actual)
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
