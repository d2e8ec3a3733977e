import ChildProcess
import Foundation
import Glibc
import Testing
import TestSupport

@Suite struct CommandSplitterTests {
    @Test func splitsLikeAShellWithoutRunningOne() throws {
        #expect(try CommandSplitter.split("python3 'my net.py' --fast") == ["python3", "my net.py", "--fast"])
        #expect(try CommandSplitter.split(#"a "b \"c\" $HOME" d\ e"#) == ["a", #"b "c" $HOME"#, "d e"])
        #expect(try CommandSplitter.split("x '' y") == ["x", "", "y"])
        #expect(try CommandSplitter.split("echo $(rm -rf /) ; ls | wc") == ["echo", "$(rm", "-rf", "/)", ";", "ls", "|", "wc"])
        #expect(throws: CommandSplitter.SplitError.unterminatedQuote("'")) { try CommandSplitter.split("a 'b") }
        #expect(throws: CommandSplitter.SplitError.empty) { try CommandSplitter.split("   ") }
    }
}

@Suite struct StderrTailTests {
    @Test func keepsOnlyTheLastBytes() {
        var tail = StderrTail(limit: 10)
        tail.append(ArraySlice(Array("line one\nline two\n".utf8)))
        #expect(tail.totalBytes == 18)
        #expect(tail.lastLines(5) == "line two")
    }
}

@Suite struct ChildProcessTests {
    /// True while process `pid` runs: it exists and is not a zombie (state Z, dead and
    /// waiting to be collected by whoever adopted it). Waits up to a second for it to die.
    static func alive(_ pid: pid_t) -> Bool {
        for _ in 0..<100 {
            if !ChildProcess.isRunning(pid) { return false }
            usleep(10_000)
        }
        return true
    }

    @Test func exchangesLines() throws {
        let child = try ChildProcess(arguments: ["cat"])
        #expect(try child.exchange("hello", timeout: .seconds(5), maxLineBytes: 100) == "hello")
        #expect(try child.exchange("again", timeout: .seconds(5), maxLineBytes: 100) == "again")
        child.terminate()
        #expect(!Self.alive(child.pid))
    }

    @Test func aMissingProgramIsALaunchFailure() {
        #expect(throws: ChildProcessError.self) { try ChildProcess(arguments: ["no-such-program-backproplab"]) }
    }

    @Test func aHangingProgramThatIgnoresSIGTERMAndItsChildAreKilled() throws {
        let temporary = try TemporaryDirectory(prefix: "child")
        defer { temporary.remove() }
        let dir = temporary.url
        let pids = dir.appendingPathComponent("pids").path
        // The shell ignores TERM, starts a grandchild that ignores TERM too, and never answers.
        let script = "trap '' TERM; sh -c \"trap '' TERM; echo \\$\\$ >> \(pids); while :; do sleep 1; done\" & echo $$ >> \(pids); while :; do sleep 1; done"
        let child = try ChildProcess(arguments: ["sh", "-c", script])
        let start = ContinuousClock.now
        #expect(throws: ChildProcessError.timedOut(seconds: 0.5)) {
            try child.exchange("anything", timeout: .milliseconds(500), maxLineBytes: 100)
        }
        #expect(start.duration(to: .now) < .seconds(4))
        let written = try String(contentsOfFile: pids, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
        #expect(written.count == 2)
        for pid in written { #expect(ProcessState.ends(pid, within: .seconds(5)), "process \(pid) survived") }
    }

    @Test func aFloodOfStderrNeitherBlocksNorGrowsMemory() throws {
        let child = try ChildProcess(arguments: ["sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x >&2; read line; echo done"], stderrLimit: 1000)
        #expect(try child.exchange("go", timeout: .seconds(10), maxLineBytes: 100) == "done")
        child.terminate()
        #expect(child.stderrTail.totalBytes == 3_000_000)
    }

    @Test func aProgramThatClosesItsOutputButRunsOnIsStopped() throws {
        let child = try ChildProcess(arguments: ["sh", "-c", "exec 1>&-; sleep 30"])
        let start = ContinuousClock.now
        #expect(throws: ChildProcessError.self) { try child.exchange("x", timeout: .seconds(20), maxLineBytes: 100) }
        #expect(start.duration(to: .now) < .seconds(5))
        #expect(!Self.alive(child.pid))
    }

    @Test func anEarlyExitAndAnOverlongLineAreReported() throws {
        let exits = try ChildProcess(arguments: ["sh", "-c", "echo oops >&2; exit 3"])
        #expect(throws: ChildProcessError.endedEarly(status: "exited with status 3")) {
            try exits.exchange("x", timeout: .seconds(5), maxLineBytes: 100)
        }
        #expect(exits.stderrTail.lastLines(1) == "oops")
        let long = try ChildProcess(arguments: ["sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x; sleep 30"])
        #expect(throws: ChildProcessError.lineTooLong(limit: 1000)) {
            try long.exchange("x", timeout: .seconds(5), maxLineBytes: 1000)
        }
    }
}
