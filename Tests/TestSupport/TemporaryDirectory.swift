import Foundation

/// A fresh directory under the system's temporary directory (`$TMPDIR`, else `/tmp`)
/// for one test's files; `remove()` deletes it (restoring permissions a test took away
/// first). Prefer ``with(prefix:_:)``, which removes it however the test ends: `.ci/run`
/// fails when the suite leaves anything in its temporary directory.
public struct TemporaryDirectory: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// Creates `backproplab-<prefix>-<UUID>`.
    public init(prefix: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("backproplab-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Runs `body` with a fresh directory, then removes the directory, whether `body`
    /// returned or threw.
    @discardableResult
    public static func with<Result>(prefix: String = "test", _ body: (TemporaryDirectory) throws -> Result) throws -> Result {
        let directory = try TemporaryDirectory(prefix: prefix)
        defer { directory.remove() }
        return try body(directory)
    }

    /// A directory that already exists (removing it is the creator's business).
    public init(existing path: String) {
        url = URL(fileURLWithPath: path)
    }

    /// `path/name`.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `data` to `path/name` and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let file = file(name)
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The names of every entry, hidden ones (such as temporary files) included, sorted.
    public func contents() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    public func remove() {
        _ = chmod(path, 0o755)
        for name in contents() { _ = chmod(file(name), 0o644) }
        try? FileManager.default.removeItem(at: url)
    }
}
