import ChildProcess
import Foundation

/// What a finished command did.
public struct CommandResult: Sendable, Equatable {
    /// The exit status (or the signal number, if it was killed by one).
    public var status: Int32
    /// Everything it wrote to standard output.
    public var standardOutput: String
    /// Everything it wrote to standard error.
    public var standardError: String
}

/// Why a command could not be run to its end.
public enum CommandRunnerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `swift run NAME` names an executable that has not been built.
    case notBuilt(executable: String, lookedIn: [String])
    /// The operating system refused to start the program.
    case launchFailed(executable: String, reason: String)
    /// It ran past the runner's time limit and was stopped (with everything it started);
    /// the last lines it had written to standard error, if any, are kept.
    case timedOut(executable: String, seconds: Double, stderrTail: String)

    public var description: String {
        switch self {
        case let .notBuilt(executable, lookedIn):
            "'\(executable)' has not been built (looked in \(lookedIn.joined(separator: ", "))); run 'swift build' first"
        case let .launchFailed(executable, reason):
            "could not start '\(executable)': \(reason)"
        case let .timedOut(executable, seconds, stderrTail):
            "'\(executable)' did not finish within \(seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)) s (the time limit for one lesson command) and was stopped"
                + (stderrTail.isEmpty ? "" : "; its last words on stderr:\n\(stderrTail)")
        }
    }
}

/// Runs a lesson's command the way `swift run` would, but on the already-built
/// executable and from the package root, so that relative paths such as
/// `--data ../shared/data/mnist` mean what the lesson says. The programs are run by
/// the `ChildProcess` library's `RunningProgram` (no shell, both pipes read together,
/// killed and reaped past the time limit).
public struct CommandRunner: Sendable {
    /// How long one lesson command may run unless the runner is told otherwise: the
    /// slowest lesson command (a few MNIST epochs, release build) takes a minute or two on
    /// 2 shared cores, so ten minutes only ever stops a program that hangs.
    public static let defaultTimeout: Duration = .seconds(600)

    /// Finds the executables.
    public var locator: ExecutableLocator
    /// Environment variables set for every command, over this process's own (e.g.
    /// `LC_ALL`, so that a lesson's commands speak the lesson's language).
    public var environment: [String: String]
    /// How long one command may run before it is stopped.
    public var timeout: Duration

    public init(locator: ExecutableLocator, environment: [String: String] = [:], timeout: Duration = defaultTimeout) {
        self.locator = locator
        self.environment = environment
        self.timeout = timeout
    }

    /// The executable for `command`, or `CommandRunnerError.notBuilt`.
    public func executable(for command: LessonCommand) throws(CommandRunnerError) -> URL {
        guard let url = locator.locate(command) else {
            let dirs = locator.candidateDirectories(for: command.configuration).map(\.path)
            throw .notBuilt(executable: command.executable, lookedIn: dirs)
        }
        return url
    }

    /// Runs `command` (standard input /dev/null) and captures its standard output and
    /// standard error.
    public func capture(_ command: LessonCommand) throws(CommandRunnerError) -> CommandResult {
        let url = try executable(for: command)
        let result = try run(name: command.executable, timeout: timeout) { () throws(ProgramRunError) in
            try RunningProgram(arguments: [url.path] + command.arguments, environment: mergedEnvironment,
                               directory: locator.packageRoot.path)
        }
        return CommandResult(status: result.status, standardOutput: result.stdout, standardError: result.stderr)
    }

    /// Runs `command` with this process's standard input, output and error, so its
    /// output appears as it is printed. Returns the exit status.
    public func stream(_ command: LessonCommand) throws(CommandRunnerError) -> Int32 {
        let url = try executable(for: command)
        return try stream(url, command.arguments, name: command.executable)
    }

    /// Runs the program at `url` with inherited standard streams, within `timeout`
    /// (nil: the runner's); returns its exit status (or the signal number that killed
    /// it). It stays in our process group, so a Ctrl-C at the terminal reaches it too.
    public func stream(_ url: URL, _ arguments: [String], name: String,
                       timeout: Duration? = nil) throws(CommandRunnerError) -> Int32 {
        fflush(nil)
        return try run(name: name, timeout: timeout ?? self.timeout) { () throws(ProgramRunError) in
            try RunningProgram(arguments: [url.path] + arguments, environment: mergedEnvironment,
                               directory: locator.packageRoot.path, input: .inherit, output: .inherit,
                               ownProcessGroup: false)
        }.status
    }

    /// Starts a program with `start` and waits for it within `timeout`, naming `name` in errors.
    private func run(name: String, timeout: Duration,
                     _ start: () throws(ProgramRunError) -> RunningProgram) throws(CommandRunnerError) -> ProgramResult {
        do {
            return try start().wait(timeout: timeout)
        } catch {
            switch error {
            case let .launchFailed(_, reason):
                throw .launchFailed(executable: name, reason: reason)
            case let .timedOut(_, seconds, _, stderr):
                let tail = stderr.split(separator: "\n").suffix(5).joined(separator: "\n")
                throw .timedOut(executable: name, seconds: seconds, stderrTail: tail)
            }
        }
    }

    /// Our environment with `environment` over it, or nil (ours unchanged) when it is empty.
    private var mergedEnvironment: [String: String]? {
        environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
}
