import ChildProcess
import Foundation
import Glibc
import Testing
import TestSupport

/// `RunningProgram`'s promises, checked on real `/bin/sh` children.
@Suite struct RunningProgramTests {
    /// True while no process (not even a zombie) has the id `pid`.
    static func gone(_ pid: pid_t) -> Bool { kill(pid, 0) == -1 && errno == ESRCH }

    @Test("1 MiB on each pipe, stderr first: no deadlock on a full pipe, every byte kept")
    func bothPipesAtOnce() throws {
        // Far more than a pipe's 64 KiB: a runner reading stdout to its end before
        // touching stderr would wait forever while the child waits for stderr to drain.
        let script = "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o; exit 3"
        let result = try RunningProgram.run(["/bin/sh", "-c", script], timeout: .seconds(60))
        #expect(result.status == 3 && !result.killedBySignal)
        #expect(result.description == "exited with status 3")
        #expect(result.standardOutput.count == 1_048_576 && result.standardOutput.allSatisfy { $0 == UInt8(ascii: "o") })
        #expect(result.standardError.count == 1_048_576 && result.standardError.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    @Test("past its deadline it and a grandchild that ignore SIGTERM are killed and reaped; the output so far is kept")
    func timeoutKillsTheGroup() throws {
        let temporary = try TemporaryDirectory(prefix: "child")
        defer { temporary.remove() }
        let dir = temporary.url
        let pids = dir.appendingPathComponent("pids").path
        let script = "trap '' TERM; sh -c \"trap '' TERM; echo \\$\\$ >> \(pids); while :; do sleep 1; done\" & "
            + "echo $$ >> \(pids); echo started; echo warming >&2; while :; do sleep 1; done"
        let child = try RunningProgram(arguments: ["/bin/sh", "-c", script])
        #expect(child.firstLine(timeout: .seconds(30)) == "started")
        let start = ContinuousClock.now
        let error = #expect(throws: ProgramRunError.self) { try child.wait(timeout: .milliseconds(500)) }
        guard case let .timedOut(program, seconds, stdout, _)? = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(program == "/bin/sh" && seconds == 0.5 && stdout == "started\n")
        #expect(start.duration(to: .now) < .seconds(5))
        #expect(!child.isRunning)
        #expect(Self.gone(child.pid), "the child was not reaped")
        let written = try String(contentsOfFile: pids, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
        #expect(written.count == 2)
        for pid in written { #expect(ProcessState.ends(pid, within: .seconds(5)), "process \(pid) survived") }
    }

    @Test("a signal reaches it, and output can be awaited while it runs")
    func signalWhileRunning() throws {
        let child = try RunningProgram(arguments: ["/bin/sh", "-c", "echo one; echo two; exec sleep 60"])
        #expect(child.output(timeout: .seconds(30)) { $0.hasSuffix("two\n") } == "one\ntwo\n")
        #expect(child.isRunning)
        child.send(SIGTERM)
        let result = try child.wait(timeout: .seconds(30))
        #expect(result.killedBySignal && result.status == SIGTERM)
        #expect(result.description == "killed by signal \(SIGTERM) (SIGTERM)")
        #expect(result.stdout == "one\ntwo\n")
    }

    @Test("working directory, environment and standard input are the caller's")
    func settings() throws {
        let temporary = try TemporaryDirectory(prefix: "child")
        defer { temporary.remove() }
        let dir = temporary.url
        let environment = ["PATH": "/usr/bin:/bin", "BACKPROPLAB_PROBE": "yes"]
        let result = try RunningProgram.run(["/bin/sh", "-c", "pwd -P; echo \"$BACKPROPLAB_PROBE\"; echo \"${HOME-unset}\"; cat"],
                                            environment: environment, directory: dir.path,
                                            input: Array("line 1\nline 2".utf8), timeout: .seconds(30))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [dir.resolvingSymlinksInPath().path, "yes", "unset", "line 1", "line 2"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        // Without input, standard input is /dev/null: read sees end of file at once.
        let empty = try RunningProgram.run(["cat"], timeout: .seconds(30))
        #expect(empty.status == 0 && empty.standardOutput.isEmpty)
    }

    @Test("an open standard input stays open until closed")
    func pipedInput() throws {
        let child = try RunningProgram(arguments: ["/bin/sh", "-c", "echo ready; cat; echo eof"], input: .pipe)
        #expect(child.firstLine(timeout: .seconds(30)) == "ready")
        usleep(100_000)
        #expect(child.isRunning)
        child.closeInput()
        let result = try child.wait(timeout: .seconds(30))
        #expect(result.status == 0 && result.stdout == "ready\neof\n")
    }

    @Test("a program dropped unfinished is killed and reaped")
    func droppedIsReaped() throws {
        var pid: pid_t = 0
        do {
            let child = try RunningProgram(arguments: ["sleep", "60"])
            pid = child.pid
            #expect(child.isRunning)
        }
        #expect(Self.gone(pid))
    }

    @Test("a missing program or directory is a launch failure naming it")
    func launchFailures() {
        #expect(throws: ProgramRunError.launchFailed(program: "no-such-program-backproplab", reason: "no such program (not found in PATH)")) {
            try RunningProgram.run(["no-such-program-backproplab"], timeout: .seconds(5))
        }
        #expect(throws: ProgramRunError.launchFailed(program: "/bin/sh", reason: "no directory /nonexistent/backproplab")) {
            try RunningProgram.run(["/bin/sh", "-c", "true"], directory: "/nonexistent/backproplab", timeout: .seconds(5))
        }
        #expect(throws: ProgramRunError.self) { try RunningProgram.run([], timeout: .seconds(5)) }
    }
}
