/// Why talking to a child program gave no answer. Every case is the child's failure,
/// described so a person can act on it; none of them is a crash of ours.
public enum ChildProcessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The program could not be started (not found, not executable, …).
    case launchFailed(program: String, reason: String)
    /// No complete answer within the time allowed.
    case timedOut(seconds: Double)
    /// The program closed its standard output (usually: it exited) before answering.
    case endedEarly(status: String)
    /// One line of output exceeded the cap.
    case lineTooLong(limit: Int)
    /// Writing the request failed because the program stopped reading.
    case stoppedReading(status: String)

    public var description: String {
        switch self {
        case .launchFailed(let program, let reason): "could not start \(program): \(reason)"
        case .timedOut(let seconds): "no answer within \(seconds) s (the program was stopped; raise --timeout if it is only slow)"
        case .endedEarly(let status): "the program ended before answering (\(status))"
        case .lineTooLong(let limit): "an answer line is longer than \(limit) bytes"
        case .stoppedReading(let status): "the program stopped reading its input (\(status))"
        }
    }
}
