import ChildProcess
import GradientChecking

/// A program under test, spoken to with `GradientProtocol`: one request line, one
/// answer line, each within `timeout`. Ending the conversation (or dropping the value)
/// ends the program and everything it started (see `ChildProcess`).
public final class ExternalProgram {
    private let process: ChildProcess
    public let timeout: Duration
    private var nextID = 1

    /// Starts `arguments` (argv, no shell).
    public init(arguments: [String], timeout: Duration) throws(NoVerdict) {
        do {
            process = try ChildProcess(arguments: arguments)
        } catch {
            throw NoVerdict("\(error)")
        }
        self.timeout = timeout
    }

    /// The program's process id (also its process group id).
    public var pid: Int32 { process.pid }

    /// The program's answer to `probe`.
    ///
    /// The answer line may hold about 64 bytes per parameter (a Double takes at most
    /// 24 characters in shortest form, plus separators and brackets, and an answer has
    /// one number per parameter), plus 64 KiB for keys and a message: a longer line is
    /// not an honest answer, and reading on would only let a runaway program fill memory.
    public func ask(_ probe: GradientProbe) throws(NoVerdict) -> ProbeAnswer {
        let id = nextID
        nextID += 1
        let request = try GradientProtocol.request(probe, id: id)
        let line: String
        do {
            line = try process.exchange(request, timeout: timeout,
                                        maxLineBytes: 64 * probe.network.parameterCount + 65_536)
        } catch {
            process.terminate()
            throw NoVerdict("probe \(probe.name): \(error)", stderrTail: process.stderrTail.lastLines(8))
        }
        do {
            return try GradientProtocol.answer(line, id: id, kind: probe.kind)
        } catch {
            process.terminate()
            throw NoVerdict("probe \(probe.name): \(error.message)", stderrTail: process.stderrTail.lastLines(8))
        }
    }

    /// Ends the program: closes its input, then SIGTERM and SIGKILL to its group as needed.
    public func finish() {
        process.terminate()
    }
}
