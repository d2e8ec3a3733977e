import Foundation

/// One run of a built executable (the binaries sit beside the test bundle in
/// `.build/<config>/`), its output captured in files so no full pipe can block it, and
/// a time limit after which it is killed.
struct ToolRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    static let mnistData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mnist").path

    /// Runs `tool arguments…` in `directory` (the package root by default).
    init(_ tool: String, _ arguments: [String], in directory: URL = packageRoot, timeout: Double = 300) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("JSONOutputTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (out, err) = (scratch.appendingPathComponent("out"), scratch.appendingPathComponent("err"))
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = try String(contentsOf: out, encoding: .utf8)
        stderr = try String(contentsOf: err, encoding: .utf8)
    }

    /// The golden file `name` (or, with `UPDATE_GOLDEN=1`, writes `actual` there first).
    static func golden(_ name: String, actual: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// `text` with every `"seconds…": number` value replaced by `…`: wall-clock times
    /// differ from run to run; the layout and every other value are pinned.
    static func maskingTimes(_ text: String) -> String {
        text.replacing(/("seconds[a-z_]*": )[0-9.e+-]+/, with: { "\($0.1)…" })
    }
}
