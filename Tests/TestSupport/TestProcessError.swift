import ChildProcess

/// Why the test support could not run a child process to completion. Each case's
/// description is one line a test failure can show as it is. The first two are
/// `ProgramRunError`'s, named for the executable a test ran.
public enum TestProcessError: Error, Sendable, CustomStringConvertible {
    /// The program could not be started.
    case launchFailed(executable: String, reason: String)
    /// The child ran past its timeout and was killed (SIGKILL) and reaped; what it had
    /// printed by then is kept.
    case timedOut(executable: String, seconds: Double, stdout: String, stderr: String)
    /// An executable the test needs has not been built.
    case notBuilt(executable: String, lookedIn: [String])

    public var description: String {
        switch self {
        case let .launchFailed(executable, reason):
            ProgramRunError.launchFailed(program: executable, reason: reason).description
        case let .timedOut(executable, seconds, stdout, stderr):
            ProgramRunError.timedOut(program: executable, seconds: seconds, stdout: stdout, stderr: stderr).description
        case let .notBuilt(executable, lookedIn):
            "\(executable) is not built (looked in \(lookedIn.joined(separator: ", "))): run swift build first"
        }
    }

    /// The library's error, named for `executable`.
    init(_ error: ProgramRunError, executable: String) {
        switch error {
        case let .launchFailed(_, reason): self = .launchFailed(executable: executable, reason: reason)
        case let .timedOut(_, seconds, stdout, stderr):
            self = .timedOut(executable: executable, seconds: seconds, stdout: stdout, stderr: stderr)
        }
    }
}
