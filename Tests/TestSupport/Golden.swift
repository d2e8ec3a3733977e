import Foundation

/// Golden files: text a test compares its output with, kept beside the test in a
/// `Golden` folder (excluded from the target). Run the tests with
/// `BACKPROPLAB_UPDATE_GOLDEN=1` to rewrite them from the current output, then review
/// the diff with `git diff`.
public enum Golden {
    /// The environment variable that rewrites golden files.
    public static let updateVariable = "BACKPROPLAB_UPDATE_GOLDEN"

    /// Whether this run rewrites golden files.
    public static var isUpdating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// The golden text `directory/name`; when updating, writes `actual` there first.
    public static func text(_ name: String, in directory: URL, actual: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        if isUpdating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(path: url.path)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A golden file that does not exist yet.
    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) does not exist: run the tests with \(Golden.updateVariable)=1 to write it" }
    }
}
