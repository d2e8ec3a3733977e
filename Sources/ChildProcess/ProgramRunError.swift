/// Why `RunningProgram` could not run a program to the end. Each description is one
/// line a person can act on; neither case is a crash of ours.
public enum ProgramRunError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The program could not be started (not found, not executable, no such directory…).
    case launchFailed(program: String, reason: String)
    /// It ran past its deadline, so it and what it started in its process group were
    /// killed (SIGKILL) and reaped; what it had printed by then is kept.
    case timedOut(program: String, seconds: Double, stdout: String, stderr: String)

    public var description: String {
        switch self {
        case let .launchFailed(program, reason):
            "could not start \(program): \(reason)"
        case let .timedOut(program, seconds, stdout, stderr):
            "\(program) did not finish within \(Self.format(seconds)) s and was killed; "
                + "stdout so far: \(String(stdout.suffix(500)).debugDescription), stderr so far: \(String(stderr.suffix(500)).debugDescription)"
        }
    }

    /// 600 → "600", 0.3 → "0.3".
    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }
}
