/// What a finished child process did.
public struct ChildResult: Sendable, Equatable {
    /// The exit status; for a child killed by a signal, the signal's number.
    public var status: Int32
    /// True when `status` is a signal number (the child did not exit by itself).
    public var killedBySignal: Bool
    /// Everything it wrote to standard output, decoded as UTF-8.
    public var stdout: String
    /// Everything it wrote to standard error, decoded as UTF-8.
    public var stderr: String

    public init(status: Int32, killedBySignal: Bool = false, stdout: String, stderr: String) {
        self.status = status
        self.killedBySignal = killedBySignal
        self.stdout = stdout
        self.stderr = stderr
    }
}
