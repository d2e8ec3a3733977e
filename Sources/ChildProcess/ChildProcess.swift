import Foundation
import Glibc

/// Someone else's program, run for a line-by-line conversation on its standard input
/// and output: one home for running programs in BackpropLab.
///
/// - Started with `posix_spawnp` from an argv (no shell between us and the program),
///   in a process group of its own, with SIGPIPE and SIGTERM at their defaults.
/// - Standard input, output and error are pipes that we service together with `poll`,
///   so the program can never block us by filling one pipe while we wait on another.
/// - Every wait has a deadline; one output line has a size cap; of standard error only
///   the last `StderrTail.limit` bytes are kept, however much it writes.
/// - `terminate()` (also run by `deinit`) closes its input, gives it `grace` to exit,
///   then sends SIGTERM and later SIGKILL to the whole process group (so its own
///   children go too), and always reaps it: nothing is left behind. A program that
///   leaves the group on purpose (`setsid`) escapes this, as it would any shell.
public final class ChildProcess {
    /// The process id, which is also its process group id.
    public let pid: pid_t
    /// The program as given (argv[0]).
    public let program: String
    public private(set) var stderrTail: StderrTail
    private var input: Int32
    private var output: Int32
    private var errors: Int32
    private var pending: [UInt8] = []
    private var status: Int32?

    /// Starts `arguments[0]` (looked up in PATH when it has no slash) with the rest as
    /// its arguments, in `directory` when given.
    public init(arguments: [String], stderrLimit: Int = 16_384) throws(ChildProcessError) {
        guard let program = arguments.first, !program.isEmpty else {
            throw .launchFailed(program: "", reason: "no program given")
        }
        self.program = program
        stderrTail = StderrTail(limit: stderrLimit)
        let child = try Spawn.start(arguments, input: .pipe, output: .pipe, errors: .pipe)
        pid = child.pid
        input = child.input
        output = child.output
        errors = child.errors
    }

    deinit { terminate() }

    /// Sends `line` (a newline is added) and returns the next line the program writes,
    /// without its newline, within `timeout`. On a timeout the program is terminated.
    public func exchange(_ line: String, timeout: Duration, maxLineBytes: Int) throws(ChildProcessError) -> String {
        let deadline = ContinuousClock.now + timeout
        let outgoing = Array(line.utf8) + [10]
        var written = 0
        while true {
            if let newline = pending.firstIndex(of: 10) {
                // (An answer before the whole request was read is still its answer:
                // typically an error message; the caller decides.)
                let answer = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return answer
            }
            guard pending.count <= maxLineBytes else {
                terminate()
                throw .lineTooLong(limit: maxLineBytes)
            }
            guard output >= 0 else { throw .endedEarly(status: finish()) }
            let now = ContinuousClock.now
            guard now < deadline else {
                terminate()
                throw .timedOut(seconds: Self.seconds(timeout))
            }
            let wantsWrite = written < outgoing.count && input >= 0
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wantsWrite ? input : -1, events: Int16(POLLOUT), revents: 0)]
            let remaining = now.duration(to: deadline)
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 && errno != EINTR { throw .endedEarly(status: finish()) }
            if fds[1].revents != 0 { drainErrors() }
            if fds[2].revents != 0, wantsWrite {
                let n = outgoing[written...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
                if n > 0 {
                    written += n
                } else if n < 0, errno != EAGAIN, errno != EINTR {
                    // EPIPE: its input is closed. If it is exiting, it simply ended early.
                    let exited = waitForExit(within: .milliseconds(100))
                    throw exited ? .endedEarly(status: finish()) : .stoppedReading(status: finish())
                }
            }
            if fds[0].revents != 0 { readOutput(max: maxLineBytes) }
        }
    }

    /// Reads what standard output has, up to just past the cap.
    private func readOutput(max cap: Int) {
        Self.readAvailable(&output, while: { self.pending.count <= cap }) { pending.append(contentsOf: $0) }
    }

    /// Reads what standard error has into the bounded tail.
    private func drainErrors() {
        Self.readAvailable(&errors) { stderrTail.append($0) }
    }

    /// Reads what the non-blocking pipe `fd` has, handing each chunk to `keep`, while
    /// `wanted()` holds; at end of file or on an error it closes the pipe and sets `fd`
    /// to −1. Returns when the pipe has nothing more for now (EAGAIN).
    private static func readAvailable(_ fd: inout Int32, while wanted: () -> Bool = { true },
                                      _ keep: (ArraySlice<UInt8>) -> Void) {
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while wanted() {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                keep(buffer[..<n])
            } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                close(fd)
                fd = -1
                return
            } else {
                return
            }
        }
    }

    /// Ends the program (see the type's comment) and describes how it ended.
    @discardableResult
    public func finish(grace: Duration = .milliseconds(500)) -> String {
        terminate(grace: grace)
        return Self.describe(status ?? 0)
    }

    /// Closes the program's input, waits up to `grace` for it to exit, then SIGTERM to
    /// its process group, up to `grace` more, then SIGKILL; reaps it. Idempotent.
    public func terminate(grace: Duration = .milliseconds(500)) {
        if input >= 0 { close(input); input = -1 }
        if status == nil, !waitForExit(within: grace) {
            kill(-pid, SIGTERM)
            if !waitForExit(within: grace) {
                kill(-pid, SIGKILL)
                var raw: Int32 = 0
                while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
                status = raw
            }
        }
        // Whatever it started in its group goes too, even after it exited itself.
        kill(-pid, SIGKILL)
        drainErrors()
        if output >= 0 { close(output); output = -1 }
        if errors >= 0 { close(errors); errors = -1 }
    }

    /// Polls `waitpid` until the program has exited or `grace` has passed,
    /// collecting its standard error meanwhile (a flooding program must not block).
    private func waitForExit(within grace: Duration) -> Bool {
        let deadline = ContinuousClock.now + grace
        while true {
            var raw: Int32 = 0
            let r = waitpid(pid, &raw, WNOHANG)
            if r == pid { status = raw; return true }
            if r < 0 && errno != EINTR { status = 0; return true }
            if ContinuousClock.now >= deadline { return false }
            drainErrors()
            if output >= 0 { _ = readDiscarding() }
            usleep(5_000)
        }
    }

    /// Empties standard output into nothing while waiting for the exit.
    private func readDiscarding() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
        if n == 0 { close(output); output = -1 }
        return n > 0
    }

    /// Whether process `pid` is running: it exists and is not a zombie (state Z in
    /// /proc: dead, waiting for its parent — or whoever adopted it — to collect it).
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0,
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// "exited with status 3", "killed by signal 11 (SIGSEGV)".
    static func describe(_ raw: Int32) -> String {
        let signal = raw & 0x7f
        if signal == 0 { return "exited with status \((raw >> 8) & 0xff)" }
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
                                      SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGILL: "SIGILL", SIGPIPE: "SIGPIPE"]
        return "killed by signal \(signal)" + (names[signal].map { " (\($0))" } ?? "")
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
