import Foundation

/// Runs the built executables and the browser driver as child processes: no shell,
/// output to temporary files (a page or a [784, 30, 10] trace is larger than a pipe's
/// buffer), and a timeout after which the child is killed.
enum Child {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Browser/drive.py")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A built product: next to the test bundle, else in `.build/debug`.
    static func product(_ name: String) throws -> URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          packageRoot.appendingPathComponent(".build/debug")].map { $0.appendingPathComponent(name) }
        guard let url = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "\(name) is not built: run swift build first")
        }
        return url
    }

    /// Runs `executable` with `arguments` from the package root, killing it after `timeout` seconds.
    static func run(_ executable: URL, _ arguments: [String], timeout: Double = 120) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("classroom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (outURL, errURL) = (directory.appendingPathComponent("out"), directory.appendingPathComponent("err"))
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Thread.sleep(forTimeInterval: 1)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw Failure(description: "\(executable.lastPathComponent) \(arguments.prefix(4).joined(separator: " ")) … timed out after \(timeout) s")
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// `backprop-trace` with `arguments`.
    static func trace(_ arguments: [String]) throws -> Result {
        try run(product("backprop-trace"), arguments)
    }

    /// What the browser shows of `page` (see `Browser/drive.py`), with a screenshot saved next to it.
    static func browse(_ page: URL) throws -> BrowserReport {
        let arguments = [driver.path, page.path, page.deletingPathExtension().path + ".png"]
        let result = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            ? try run(URL(fileURLWithPath: "/usr/bin/python3"), arguments, timeout: 90)
            : try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, timeout: 90)
        guard result.status == 0 else { throw Failure(description: "drive.py failed (\(result.status)): \(result.stderr)") }
        return try JSONDecoder().decode(BrowserReport.self, from: Data(result.stdout.utf8))
    }
}

/// What `drive.py` reports.
struct BrowserReport: Decodable {
    var steps: Int
    var current: Int?
    var current_after: Int?
    var visible_steps: Int
    var visible_after: [String]
    var numbers: [[String]]
    var resources: Int
    var requests: [String]
    var remote_urls: [String]
    var heat_cells: Int
    var math: Int
    var colours: Int
    var pdf_pages: Int
}
