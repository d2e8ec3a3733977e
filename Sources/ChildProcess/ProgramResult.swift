/// What a program run by `RunningProgram` did, once it has ended and been reaped.
public struct ProgramResult: Sendable, Equatable, CustomStringConvertible {
    /// The exit status; for a program killed by a signal, the signal's number.
    public var status: Int32
    /// True when `status` is a signal number (the program did not exit by itself).
    public var killedBySignal: Bool
    /// Everything it wrote to standard output (empty when the output was not captured).
    public var standardOutput: [UInt8]
    /// Everything it wrote to standard error (empty when the output was not captured).
    public var standardError: [UInt8]

    public init(status: Int32, killedBySignal: Bool, standardOutput: [UInt8], standardError: [UInt8]) {
        self.status = status
        self.killedBySignal = killedBySignal
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Standard output as UTF-8 text (invalid bytes repaired).
    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as UTF-8 text (invalid bytes repaired).
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }

    /// "exited with status 3", "killed by signal 11 (SIGSEGV)".
    public var description: String {
        ChildProcess.describe(killedBySignal ? status : (status & 0xff) << 8)
    }
}
