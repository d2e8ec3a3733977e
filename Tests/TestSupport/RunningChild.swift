import Foundation

/// A child process started by `ChildProcess.start`: its standard output and error are
/// read concurrently as it runs, every wait has a deadline, and a child still running
/// when this object goes away is killed and reaped, so no test leaves an orphan.
public final class RunningChild: @unchecked Sendable {
    /// The executable's path, for messages.
    public let executable: String
    private let process: Process
    private let input: Pipe?
    private let outputBuffer: OutputBuffer
    private let errorBuffer: OutputBuffer
    private let exited = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: ChildResult?

    init(_ url: URL, _ arguments: [String], environment: [String: String]?, currentDirectory: URL?,
         pipeInput: Bool) throws(ChildProcessError) {
        executable = url.path
        process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        input = pipeInput ? Pipe() : nil
        process.standardInput = input ?? FileHandle.nullDevice
        let exited = exited
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch {
            throw .launchFailed(executable: url.path, reason: "\(error)")
        }
        outputBuffer = OutputBuffer(draining: out.fileHandleForReading)
        errorBuffer = OutputBuffer(draining: err.fileHandleForReading)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The child's process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the child is still running.
    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (such as `SIGINT`, what Ctrl-C sends) to the child.
    public func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Closes the child's standard input (started with `pipeInput: true`), so a child
    /// reading it sees end of file.
    public func closeInput() {
        try? input?.fileHandleForWriting.close()
    }

    /// Standard output so far, once `isReady` accepts it (or the child has closed it, or
    /// `timeout` passed).
    public func output(timeout: Duration = .seconds(30), until isReady: (String) -> Bool) -> String {
        outputBuffer.waitForText(until: Date().addingTimeInterval(timeout.inSeconds), isReady)
    }

    /// The first line of standard output, once it is whole (or the child has closed it,
    /// or `timeout` passed).
    public func firstLine(timeout: Duration = .seconds(30)) -> String? {
        output(timeout: timeout) { $0.contains("\n") }
            .split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
    }

    /// Waits for the child to exit and for both pipes to close; its exit status and
    /// everything it printed. Past `timeout` the child is killed with SIGKILL, reaped,
    /// and `ChildProcessError.timedOut` (with the output so far) is thrown.
    public func wait(timeout: Duration = ChildProcess.defaultTimeout) throws(ChildProcessError) -> ChildResult {
        lock.lock()
        defer { lock.unlock() }
        if let result { return result }
        let deadline = Date().addingTimeInterval(timeout.inSeconds)
        if exited.wait(timeout: .now() + timeout.inSeconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            outputBuffer.waitForEnd(until: Date().addingTimeInterval(5))
            errorBuffer.waitForEnd(until: Date().addingTimeInterval(5))
            throw .timedOut(executable: executable, seconds: timeout.inSeconds, stdout: outputBuffer.text, stderr: errorBuffer.text)
        }
        process.waitUntilExit()
        // The pipes close when the child exits, unless it left a grandchild holding them.
        let pipesClosed = outputBuffer.waitForEnd(until: max(deadline, Date().addingTimeInterval(5)))
            && errorBuffer.waitForEnd(until: max(deadline, Date().addingTimeInterval(5)))
        guard pipesClosed else {
            throw .timedOut(executable: executable, seconds: timeout.inSeconds, stdout: outputBuffer.text, stderr: errorBuffer.text)
        }
        let finished = ChildResult(status: process.terminationStatus,
                                   killedBySignal: process.terminationReason == .uncaughtSignal,
                                   stdout: outputBuffer.text, stderr: errorBuffer.text)
        result = finished
        return finished
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var inSeconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
