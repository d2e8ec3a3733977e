import Foundation
import TestSupport
import Testing

/// The shared runner's promises, checked on a real `python3` child.
@Suite("TestProcess: both pipes drained, a timeout that kills and reaps",
       .enabled(if: TestProcess.python3 != nil, "python3 is not installed; skipped"))
struct TestProcessTests {
    var python: URL { TestProcess.python3 ?? URL(fileURLWithPath: "/usr/bin/python3") }

    @Test("a child that fills stderr before writing stdout finishes (no deadlock on a full pipe)")
    func bothPipesAtOnce() throws {
        // 1 MiB on each stream: far more than a pipe's 64 KiB buffer, so a runner that
        // reads stdout to the end before touching stderr would wait forever.
        let script = "import sys; sys.stderr.write('e' * 1048576); sys.stderr.flush(); sys.stdout.write('o' * 1048576); sys.exit(3)"
        let result = try TestProcess.run(python, ["-c", script], timeout: .seconds(60))
        #expect(result.status == 3 && !result.killedBySignal)
        #expect(result.stdout.utf8.count == 1_048_576 && result.stdout.allSatisfy { $0 == "o" })
        #expect(result.stderr.utf8.count == 1_048_576 && result.stderr.allSatisfy { $0 == "e" })
    }

    @Test("a child past its timeout is killed, reaped, and reported with what it printed")
    func timeoutKills() throws {
        let start = Date()
        let child = try TestProcess.start(python, ["-c", "import sys, time; print('started', flush=True); time.sleep(120)"])
        let pid = child.processIdentifier
        #expect(child.firstLine(timeout: .seconds(30)) == "started")
        let error = #expect(throws: TestProcessError.self) { try child.wait(timeout: .milliseconds(300)) }
        guard case let .timedOut(_, _, stdout, _)? = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(stdout == "started\n")
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(!child.isRunning)
        // Reaped: no process (not even a zombie) has that id any more.
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test("a signal ends a child; environment, working directory and /dev/null stdin are the caller's")
    func signalsAndSettings() throws {
        let script = "import os, sys; print(os.getcwd()); print(os.environ.get('BACKPROPLAB_PROBE')); print(repr(sys.stdin.read()), flush=True); import time; time.sleep(120)"
        let directory = try TemporaryDirectory(prefix: "child")
        defer { directory.remove() }
        let child = try TestProcess.start(python, ["-c", script],
                                          environment: TestProcess.environment(["BACKPROPLAB_PROBE": "yes"]),
                                          currentDirectory: directory.url)
        _ = child.output { $0.filter { $0 == "\n" }.count == 3 }
        child.send(SIGKILL)
        let result = try child.wait(timeout: .seconds(30))
        #expect(result.killedBySignal && result.status == SIGKILL)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == directory.url.resolvingSymlinksInPath().path)
        #expect(lines.dropFirst().first == "yes")
        #expect(lines.last == "''")
    }

    @Test("a missing program and an unbuilt executable are errors naming them")
    func missing() {
        #expect(throws: TestProcessError.self) { try TestProcess.run(URL(fileURLWithPath: "/nonexistent/program")) }
        let error = #expect(throws: TestProcessError.self) { try TestProcess.run(built: "no-such-tool") }
        #expect(error.map { "\($0)" }?.contains("no-such-tool is not built") == true)
    }
}
