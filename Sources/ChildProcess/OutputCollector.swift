import Foundation
import Glibc

/// Services a running child's pipes on a thread of its own: reads standard output and
/// standard error together with `poll` (a child that fills one pipe — 64 KiB on Linux —
/// while we would be waiting on the other can never block either side) and writes the
/// bytes meant for its standard input as it accepts them. The owner's thread reads what
/// has arrived and waits for more under a condition, each wait with a deadline.
final class OutputCollector: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var output: [UInt8] = []
    private var errors: [UInt8] = []
    private var outputOpen: Bool
    private var errorsOpen: Bool
    private var inputClosing = false
    private var abandoned = false
    private var stopped = false
    // Owned by the thread:
    private var inputFD: Int32
    private var outputFD: Int32
    private var errorsFD: Int32
    private var pendingInput: [UInt8]
    private let closeInputWhenWritten: Bool

    /// Starts servicing `child`'s pipes. `input` is written to its standard input, which
    /// is then closed unless `keepInputOpen` (then `closeInput()` closes it).
    init(_ child: Spawn.Child, input: [UInt8], keepInputOpen: Bool) {
        inputFD = child.input
        outputFD = child.output
        errorsFD = child.errors
        outputOpen = child.output >= 0
        errorsOpen = child.errors >= 0
        pendingInput = input
        closeInputWhenWritten = !keepInputOpen
        Thread.detachNewThread { [self] in service() }
    }

    /// Both output pipes have reached end of file (or were never ours).
    var outputsClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !outputOpen && !errorsOpen
    }

    /// Standard output and standard error so far.
    var bytes: (output: [UInt8], errors: [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        return (output, errors)
    }

    /// Closes the child's standard input once what was meant for it has been written.
    func closeInput() {
        condition.lock()
        inputClosing = true
        condition.unlock()
    }

    /// Waits until standard output satisfies `isReady`, or has closed, or `deadline`
    /// passes; returns standard output then.
    func waitForOutput(until deadline: ContinuousClock.Instant, _ isReady: ([UInt8]) -> Bool) -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        while !isReady(output), outputOpen, ContinuousClock.now < deadline {
            _ = condition.wait(until: Self.date(deadline))
        }
        return output
    }

    /// Waits until something new arrives or the pipes close, at most until `deadline`.
    func waitForChange(until deadline: ContinuousClock.Instant) {
        condition.lock()
        defer { condition.unlock() }
        _ = condition.wait(until: Self.date(deadline))
    }

    /// Stops servicing: the thread closes every pipe end it still holds and ends.
    /// Waits (at most a second) for that, so no descriptor outlives the call by much.
    func abandon() {
        condition.lock()
        defer { condition.unlock() }
        abandoned = true
        let limit = Date().addingTimeInterval(1)
        while !stopped, condition.wait(until: limit) {}
    }

    /// The thread: poll, read, write, until the pipes close (and input is done) or `abandon()`.
    private func service() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            condition.lock()
            let stop = abandoned
            let closing = inputClosing
            condition.unlock()
            if inputFD >= 0, stop || (pendingInput.isEmpty && (closing || closeInputWhenWritten)) {
                close(inputFD)
                inputFD = -1
            }
            if stop || (outputFD < 0 && errorsFD < 0 && inputFD < 0) { break }
            var fds = [pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errorsFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: pendingInput.isEmpty ? -1 : inputFD, events: Int16(POLLOUT), revents: 0)]
            // A bounded wait, so that `abandon()` and `closeInput()` are seen promptly.
            let ready = poll(&fds, nfds_t(fds.count), 50)
            if ready <= 0 { continue }
            if fds[2].revents != 0 {
                let n = pendingInput.withUnsafeBytes { Glibc.write(inputFD, $0.baseAddress, $0.count) }
                if n > 0 {
                    pendingInput.removeFirst(n)
                } else if n < 0, errno != EAGAIN, errno != EINTR {
                    // It stopped reading (EPIPE): what it did not take is dropped.
                    pendingInput = []
                }
            }
            if fds[0].revents != 0 { drain(&outputFD, into: \.output, open: \.outputOpen, buffer: &buffer) }
            if fds[1].revents != 0 { drain(&errorsFD, into: \.errors, open: \.errorsOpen, buffer: &buffer) }
        }
        for fd in [inputFD, outputFD, errorsFD] where fd >= 0 { close(fd) }
        inputFD = -1
        condition.lock()
        outputFD = -1
        errorsFD = -1
        outputOpen = false
        errorsOpen = false
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Reads what `fd` has now; at end of file closes it and marks it closed.
    private func drain(_ fd: inout Int32, into bytes: ReferenceWritableKeyPath<OutputCollector, [UInt8]>,
                       open: ReferenceWritableKeyPath<OutputCollector, Bool>, buffer: inout [UInt8]) {
        while fd >= 0 {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                condition.lock()
                self[keyPath: bytes].append(contentsOf: buffer[..<n])
                condition.broadcast()
                condition.unlock()
            } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                close(fd)
                fd = -1
                condition.lock()
                self[keyPath: open] = false
                condition.broadcast()
                condition.unlock()
            } else {
                return
            }
        }
    }

    private static func date(_ instant: ContinuousClock.Instant) -> Date {
        let remaining = ContinuousClock.now.duration(to: instant)
        return Date().addingTimeInterval(ChildProcess.seconds(remaining))
    }
}
