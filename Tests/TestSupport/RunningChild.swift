import ChildProcess
import Foundation

/// A child process started by `TestProcess.start`: the `ChildProcess` library's
/// `RunningProgram` (standard output and error read concurrently as it runs, every wait
/// with a deadline, a child still running when this object goes away killed and reaped
/// with its process group, so no test leaves an orphan), with results as text and
/// errors as `TestProcessError`.
public final class RunningChild: Sendable {
    /// The executable's path, for messages.
    public let executable: String
    private let program: RunningProgram

    init(_ url: URL, _ arguments: [String], environment: [String: String]?, currentDirectory: URL?,
         pipeInput: Bool) throws(TestProcessError) {
        executable = url.path
        do {
            program = try RunningProgram(arguments: [url.path] + arguments, environment: environment,
                                         directory: currentDirectory?.path, input: pipeInput ? .pipe : .nullDevice)
        } catch {
            throw TestProcessError(error, executable: url.path)
        }
    }

    /// The child's process id.
    public var processIdentifier: Int32 { program.pid }

    /// Whether the child is still running.
    public var isRunning: Bool { program.isRunning }

    /// Sends `signal` (such as `SIGINT`, what Ctrl-C sends) to the child's process group.
    public func send(_ signal: Int32) { program.send(signal) }

    /// Closes the child's standard input (started with `pipeInput: true`), so a child
    /// reading it sees end of file.
    public func closeInput() { program.closeInput() }

    /// Standard output so far, once `isReady` accepts it (or the child has closed it, or
    /// `timeout` passed).
    public func output(timeout: Duration = .seconds(30), until isReady: (String) -> Bool) -> String {
        program.output(timeout: timeout, until: isReady)
    }

    /// The first line of standard output, once it is whole (or the child has closed it,
    /// or `timeout` passed).
    public func firstLine(timeout: Duration = .seconds(30)) -> String? { program.firstLine(timeout: timeout) }

    /// Waits for the child to exit and for both pipes to close; its exit status and
    /// everything it printed. Past `timeout` the child's process group is killed with
    /// SIGKILL, the child reaped, and `TestProcessError.timedOut` (with the output so
    /// far) is thrown.
    public func wait(timeout: Duration = TestProcess.defaultTimeout) throws(TestProcessError) -> ChildResult {
        do {
            let result = try program.wait(timeout: timeout)
            return ChildResult(status: result.status, killedBySignal: result.killedBySignal,
                               stdout: result.stdout, stderr: result.stderr)
        } catch {
            throw TestProcessError(error, executable: executable)
        }
    }
}
