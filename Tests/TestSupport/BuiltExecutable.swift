import Foundation

/// Finds the executables SwiftPM built. They sit beside the test bundle, in the same
/// products directory (`.build/<triple>/debug`), as swift-argument-parser's example
/// tests find theirs; `.build/debug` under the package root is the fallback.
public enum BuiltExecutable {
    /// The directories looked in, best first.
    public static let searchDirectories: [URL] = {
        var directories: [URL] = []
        if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: running).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(PackagePaths.root.appendingPathComponent(".build/debug"))
        return directories
    }()

    /// The built executable `name`, or nil if it is not built.
    public static func url(_ name: String) -> URL? {
        searchDirectories.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The built executable `name`, or `TestProcessError.notBuilt`.
    public static func require(_ name: String) throws(TestProcessError) -> URL {
        guard let url = url(name) else {
            throw .notBuilt(executable: name, lookedIn: searchDirectories.map(\.path))
        }
        return url
    }
}
