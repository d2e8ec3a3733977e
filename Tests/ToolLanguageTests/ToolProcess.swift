import Foundation

/// Runs a built BackpropLab executable as a user does: a real child process, with a
/// chosen locale, standard input from /dev/null and a deadline.
enum ToolProcess {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Real MNIST, beside the worktree (`../shared/data/mnist`).
    static let mnistDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mnist").path

    /// The longest a tool may run in these tests; debug builds on a loaded 2-core machine
    /// take a few seconds for the slowest case (a 2-epoch MNIST run), so 300 s only
    /// catches a hang.
    static let timeout: TimeInterval = 300

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable `name`: next to the test bundle, else in `.build/debug`.
    static func url(_ name: String) -> URL? {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent(name) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The environment of a run in `locale` (e.g. `C`, `zh_CN.UTF-8`): LANG set to it,
    /// LC_ALL and LC_MESSAGES removed so that LANG decides, colours off.
    static func environment(locale: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = locale
        environment["NO_COLOR"] = "1"
        return environment
    }

    /// Runs `tool` with `arguments` in `locale`, from the package root.
    static func run(_ tool: String, _ arguments: [String], locale: String = "C") throws -> Result {
        guard let url = url(tool) else { throw NotBuilt(tool: tool) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = environment(locale: locale)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the child runs, so a full pipe cannot stall it.
        let stdout = PipeReader(out.fileHandleForReading)
        let stderr = PipeReader(err.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw TimedOut(tool: tool, arguments: arguments)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout.text(), stderr: stderr.text())
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var tool: String
        var description: String { "\(tool) is not built: run swift build first" }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var tool: String
        var arguments: [String]
        var description: String { "\(tool) \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s" }
    }
}

/// Reads a pipe to its end on a background thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe carried, once the writer closed it.
    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
