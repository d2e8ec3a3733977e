import Foundation

/// Facts about where output goes, so programs can print colour and progress bars
/// to people and plain text to scripts and files.
public enum Terminal {
    /// Whether standard output is a terminal (not a pipe or a file).
    public static var isStandardOutputATerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether standard input is a terminal, e.g. to decide if "press Enter" makes sense.
    public static var isStandardInputATerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether colour escapes are welcome: stdout is a terminal and `NO_COLOR` is unset.
    public static var supportsColor: Bool {
        isStandardOutputATerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes `message` and a newline to standard error.
    public static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// A one-line progress bar redrawn in place: `[██████······]  52%  2600/5000`.
/// It draws only when standard output is a terminal, so logs and pipes stay clean.
public struct ProgressBar: Sendable {
    public let total: Int
    public let width: Int
    public let enabled: Bool

    public init(total: Int, width: Int = 30, enabled: Bool = Terminal.isStandardOutputATerminal) {
        self.total = total
        self.width = width
        self.enabled = enabled
    }

    /// The bar's text for `done` of `total`.
    public func line(_ done: Int) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        return "[\(bar)] \(String(repeating: " ", count: 3 - String(percent).count))\(percent)%  \(done)/\(total)"
    }

    /// Redraws the bar (when enabled), at most about 100 times per run.
    public func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let step = max(1, total / 100)
        guard done % step == 0 || done == total else { return }
        FileHandle.standardOutput.write(Data(("\r" + line(done)).utf8))
    }

    /// Erases the bar so the next line prints cleanly.
    public func clear() {
        guard enabled else { return }
        FileHandle.standardOutput.write(Data(("\r" + String(repeating: " ", count: width + 24) + "\r").utf8))
    }
}
