import Foundation
import Glibc

/// A program run to completion, or watched while it runs: the other half of the one
/// home for running programs (`ChildProcess` holds line-by-line conversations).
///
/// - Started by `Spawn` from an argv (no shell), with the environment, working
///   directory and standard input the caller gives, by default in a process group of
///   its own.
/// - Standard output and error are read together on a thread of their own
///   (`OutputCollector`) as the program runs, so neither a full pipe nor a caller busy
///   elsewhere can block it; the caller reads what has arrived, or waits for more.
/// - Every wait has a deadline. Past `wait`'s deadline the whole process group is
///   killed (SIGKILL), the program reaped, and `ProgramRunError.timedOut` carries what
///   it had printed. A program dropped unfinished is killed and reaped the same way.
///   After a normal exit, whatever it left running in its group is killed too. A program
///   that leaves the group on purpose (`setsid`) escapes this, as it would any shell.
public final class RunningProgram: @unchecked Sendable {
    /// What the program's standard input is.
    public enum Input: Sendable, Equatable {
        /// `/dev/null`: it reads end of file at once (and is not a terminal).
        case nullDevice
        /// These bytes, then end of file.
        case bytes([UInt8])
        /// A pipe that stays open, and empty, until `closeInput()`.
        case pipe
        /// Ours.
        case inherit
    }

    /// Where its standard output and error go.
    public enum Output: Sendable, Equatable {
        /// Pipes to us, collected (`ProgramResult`, `outputSoFar`).
        case capture
        /// Ours: the program prints straight to our terminal (nothing is collected).
        case inherit
    }

    /// The process id (also its process group id when it has a group of its own).
    public let pid: pid_t
    /// The program as given (argv[0]).
    public let program: String
    private let ownProcessGroup: Bool
    private let collector: OutputCollector
    private let lock = NSLock()
    private var rawStatus: Int32?

    /// Starts `arguments[0]` (looked up in PATH when it has no slash) with the rest as
    /// its arguments. `environment` nil passes ours; `directory` nil keeps ours.
    /// `ownProcessGroup: false` keeps it in our group, so that a Ctrl-C at our terminal
    /// reaches it too (use it with inherited output); then a timeout kills only it.
    public init(arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                input: Input = .nullDevice, output: Output = .capture,
                ownProcessGroup: Bool = true) throws(ProgramRunError) {
        let inputStream: Spawn.Stream = switch input {
        case .nullDevice: .nullDevice
        case .bytes, .pipe: .pipe
        case .inherit: .inherit
        }
        let outputStream: Spawn.Stream = output == .capture ? .pipe : .inherit
        let child: Spawn.Child
        do {
            child = try Spawn.start(arguments, environment: environment, directory: directory, input: inputStream,
                                    output: outputStream, errors: outputStream, ownProcessGroup: ownProcessGroup)
        } catch {
            guard case let .launchFailed(program, reason) = error else {
                throw .launchFailed(program: arguments.first ?? "", reason: error.description)
            }
            throw .launchFailed(program: program, reason: reason)
        }
        pid = child.pid
        program = arguments[0]
        self.ownProcessGroup = ownProcessGroup
        let bytes: [UInt8] = if case let .bytes(bytes) = input { bytes } else { [] }
        collector = OutputCollector(child, input: bytes, keepInputOpen: input == .pipe)
    }

    /// Runs a program to completion (see `init` and `wait`).
    public static func run(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                           input: [UInt8]? = nil, timeout: Duration) throws(ProgramRunError) -> ProgramResult {
        try RunningProgram(arguments: arguments, environment: environment, directory: directory,
                           input: input.map { .bytes($0) } ?? .nullDevice)
            .wait(timeout: timeout)
    }

    deinit {
        killAndReap()
        collector.abandon()
    }

    /// Whether it is still running (false once it has exited, even if not yet waited for).
    public var isRunning: Bool { !locked { hasExited() } }

    /// Sends `signal` (such as `SIGINT`, what Ctrl-C sends) to it — to its whole process
    /// group when it has one. Does nothing once it has been reaped.
    public func send(_ signal: Int32) {
        locked {
            if rawStatus == nil { kill(ownProcessGroup ? -pid : pid, signal) }
        }
    }

    /// Closes its standard input (started with `.pipe`), so a program reading it sees end of file.
    public func closeInput() { collector.closeInput() }

    /// Standard output and error so far, as UTF-8 text.
    public var outputSoFar: (stdout: String, stderr: String) {
        let (output, errors) = collector.bytes
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// Standard output so far, once `isReady` accepts it (or it has closed standard
    /// output, or `timeout` passed).
    public func output(timeout: Duration = .seconds(30), until isReady: (String) -> Bool) -> String {
        let bytes = collector.waitForOutput(until: .now + timeout) { isReady(String(decoding: $0, as: UTF8.self)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first line of standard output, once it is whole (or standard output has
    /// closed, or `timeout` passed); nil if it printed nothing.
    public func firstLine(timeout: Duration = .seconds(30)) -> String? {
        output(timeout: timeout) { $0.contains("\n") }
            .split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
    }

    /// Waits for it to exit and for its output pipes to close; how it ended and all it
    /// printed. Past `timeout` (counted from this call) it is killed and reaped with
    /// everything in its group, and `.timedOut` carries the output so far. A pipe held
    /// open after the exit by something it started counts against the same deadline.
    public func wait(timeout: Duration) throws(ProgramRunError) -> ProgramResult {
        let deadline = ContinuousClock.now + timeout
        while !(locked { hasExited() } && collector.outputsClosed) {
            guard ContinuousClock.now < deadline else {
                locked { killAndReap() }
                collector.abandon()
                let (stdout, stderr) = outputSoFar
                throw .timedOut(program: program, seconds: ChildProcess.seconds(timeout), stdout: stdout, stderr: stderr)
            }
            // Short steps: an exit is seen by polling `waitpid`, output wakes us at once.
            collector.waitForChange(until: min(deadline, .now + .milliseconds(20)))
        }
        // Whatever it started and left running in its group goes too.
        locked { killAndReap() }
        collector.abandon()
        let raw = locked { rawStatus } ?? 0
        let signal = raw & 0x7f
        let (output, errors) = collector.bytes
        return ProgramResult(status: signal == 0 ? (raw >> 8) & 0xff : signal, killedBySignal: signal != 0,
                             standardOutput: output, standardError: errors)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Kills it (its group, when it has one) with SIGKILL and reaps it; once reaped,
    /// does nothing. The group is signalled before the reaping, while its id still
    /// belongs to it (an exited, unreaped leader keeps it), never after.
    private func killAndReap() {
        guard rawStatus == nil else { return }
        kill(ownProcessGroup ? -pid : pid, SIGKILL)
        var raw: Int32 = 0
        while true {
            let r = waitpid(pid, &raw, 0)
            if r == pid { rawStatus = raw; return }
            if r < 0, errno == EINTR { continue }
            // ECHILD: someone else reaped it; it is gone either way.
            rawStatus = 0
            return
        }
    }

    /// Whether it has exited (or been reaped), without reaping it.
    private func hasExited() -> Bool {
        if rawStatus != nil { return true }
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) < 0 {
            if errno != EINTR { return true }  // ECHILD: gone
        }
        return info._sifields._sigchld.si_pid == pid
    }
}
