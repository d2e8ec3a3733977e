import ChildProcess
import Foundation
import Glibc

/// Runs the built executables (`gradcheck`, `backprop-server`) as users do: the
/// binaries sit beside the test bundle in `.build/<config>/`.
enum Executables {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String? {
        [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
         packageRoot.appendingPathComponent(".build/debug")]
            .map { $0.appendingPathComponent(name).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    struct NotBuilt: Error {}

    /// Runs `name` with `arguments`; kills it after `limit` (a test must never hang).
    static func run(_ name: String, _ arguments: [String], limit: Duration = .seconds(60)) throws -> Result {
        guard let path = path(name) else { throw NotBuilt() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ext-\(UUID().uuidString).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("ext-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        while process.isRunning {
            if start.duration(to: .now) > limit { process.terminate() }
            usleep(10_000)
        }
        process.waitUntilExit()
        let elapsed = start.duration(to: .now)
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
                      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether process `pid` still runs, after giving it up to a second to die. A zombie
    /// (state Z: dead, waiting for whoever adopted it to collect its status) runs nothing
    /// and counts as dead.
    static func survives(_ pid: pid_t) -> Bool {
        for _ in 0..<100 {
            if !ChildProcess.isRunning(pid) { return false }
            usleep(10_000)
        }
        return true
    }
}
