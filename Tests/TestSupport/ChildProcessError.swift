/// Why the test support could not run a child process to completion. Each case's
/// description is one line a test failure can show as it is.
public enum ChildProcessError: Error, Sendable, CustomStringConvertible {
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
            "could not start \(executable): \(reason)"
        case let .timedOut(executable, seconds, stdout, stderr):
            "\(executable) did not finish within \(seconds) s and was killed; stdout so far: \(stdout.suffix(500).debugDescription), stderr so far: \(stderr.suffix(500).debugDescription)"
        case let .notBuilt(executable, lookedIn):
            "\(executable) is not built (looked in \(lookedIn.joined(separator: ", "))): run swift build first"
        }
    }
}
