import Foundation
import TestSupport

/// Runs the built executables and the browser driver as child processes through
/// TestSupport's one runner: no shell, both pipes read as it runs (a page or a
/// [784, 30, 10] trace is larger than a pipe's buffer), and a timeout after which the
/// child is killed with its process group.
enum Child {
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Browser/drive.py")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A built product (see `BuiltExecutable`).
    static func product(_ name: String) throws -> URL {
        try BuiltExecutable.require(name)
    }

    /// Runs `executable` with `arguments` from the package root, killing it after `timeout`.
    static func run(_ executable: URL, _ arguments: [String], timeout: Duration = .seconds(120)) throws -> ChildResult {
        try TestProcess.run(executable, arguments, timeout: timeout)
    }

    /// `backprop-trace` with `arguments`.
    static func trace(_ arguments: [String]) throws -> ChildResult {
        try run(product("backprop-trace"), arguments)
    }

    /// What the browser shows of `page` (see `Browser/drive.py`), with a screenshot saved next to it.
    static func browse(_ page: URL) throws -> BrowserReport {
        let arguments = [driver.path, page.path, page.deletingPathExtension().path + ".png"]
        let result = if let python = TestProcess.python3 {
            try run(python, arguments, timeout: .seconds(90))
        } else {
            try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, timeout: .seconds(90))
        }
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
