import ChildProcess
import Foundation
import Glibc
import Testing
import TestSupport

/// `gradcheck --network-py` and `--exec` on programs written here, run through the
/// built executable with real python3 + NumPy: verdicts, exit codes, named equations,
/// and no process left behind.
@Suite(.serialized) final class OwnBackpropTests {
    /// This test's own directory, removed when the test ends.
    let temporary: TemporaryDirectory
    var dir: URL { temporary.url }

    init() throws {
        temporary = try TemporaryDirectory(prefix: "gradcheck")
    }
    deinit { temporary.remove() }

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs the built `gradcheck` with `arguments` (killed after a minute: a test must never hang).
    func gradcheck(_ arguments: [String]) throws -> ChildResult {
        try TestProcess.run(built: "gradcheck", arguments, timeout: .seconds(60))
    }

    /// Runs `python3 -c script` to the end, python3 found on PATH as gradcheck's
    /// `--python` default finds it (the interpreter with NumPy).
    func runPython(_ script: String) throws -> ChildResult {
        try TestProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], timeout: .seconds(60))
    }

    /// Whether process `pid` still runs, after giving it up to a second to die. A zombie
    /// (state Z: dead, waiting for whoever adopted it to collect its status) runs nothing
    /// and counts as dead.
    func survives(_ pid: pid_t) -> Bool {
        for _ in 0..<100 {
            if !ChildProcess.isRunning(pid) { return false }
            usleep(10_000)
        }
        return true
    }

    @Test func theCorrectClassStyleModulePasses() throws {
        let path = try write("network.py", StudentModules.network)
        let result = try gradcheck(["--network-py", path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("PASS: \(path) agrees with finite differences on all 7 probes (2 declined)"))
        #expect(result.stdout.contains("declined: update_mini_batch(mini_batch, eta) has no L2 term"))
    }

    @Test func theCorrectNotebookStyleModulePasses() throws {
        let path = try write("notebook.py", StudentModules.notebook)
        let result = try gradcheck(["--network-py", path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("PASS"))
    }

    @Test func aNetwork2StyleModuleIsCheckedWithBothCostsAndTheL2Step() throws {
        let right = try gradcheck(["--network-py", try write("network2.py", StudentModules.network2)])
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        #expect(right.stdout.contains("on all 9 probes (0 declined)"))
        // Cross-entropy's δᴸ with the factor σ′(zᴸ) it must not have: only p7 can see it.
        let wrongDelta = StudentModules.network2.replacingOccurrences(of: "        return (a-y)\n", with: "        return (a-y) * sigmoid_prime(z)\n")
        #expect(wrongDelta != StudentModules.network2)
        let wrong = try gradcheck(["--network-py", try write("network2_bug.py", wrongDelta)])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("is wrong at probe p7: layer 4, BP1"), "\(wrong.stdout)")
    }

    @Test(arguments: StudentModules.bugs.map(\.name))
    func eachBuggyModuleFailsNamingTheEquation(name: String) throws {
        let bug = try #require(StudentModules.bugs.first { $0.name == name })
        let source = try #require(StudentModules.source(bug), "a replacement of \(name) does not apply")
        let path = try write("\(name.replacingOccurrences(of: "-", with: "_")).py", source)
        let result = try gradcheck(["--network-py", path])
        #expect(result.status == 1, "\(name): \(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(bug.expected), "\(name): \(result.stdout)")
    }

    @Test func theJSONReportNamesTheFailingProbeAndCarriesBothGradients() throws {
        let bug = try #require(StudentModules.bugs.first { $0.name == "wrong-sign" })
        let path = try write("sign.py", try #require(StudentModules.source(bug)))
        let result = try gradcheck(["--network-py", path, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        #expect(object["first_failure"] as? String == "p1")
        #expect(object["equation"] as? String == "BP1")
        let probes = try #require(object["probes"] as? [[String: Any]])
        #expect(probes.count == 9)
        #expect(probes[0]["expected"] is [Any] && probes[0]["received"] is [Any] && probes[0]["inputs"] is [Any])
    }

    @Test func aModuleWithNeitherFormOrABrokenImportHasNoVerdict() throws {
        let neither = try gradcheck(["--network-py", try write("empty.py", "x = 1\n")])
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("defines neither class Network"))
        let broken = try gradcheck(["--network-py", try write("broken.py", "import numpy\nraise ValueError('half-written homework')\n")])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("ValueError: half-written homework"))
    }

    @Test func crashingHangingAndGarbagePrintingProgramsHaveNoVerdictQuickly() throws {
        let crash = try gradcheck(["--exec", "sh -c 'read line; echo dying >&2; kill -SEGV $$'"])
        #expect(crash.status == 2)
        #expect(crash.stderr.contains("SIGSEGV") && crash.stderr.contains("dying"), "\(crash.stderr)")

        let garbage = try gradcheck(["--exec", "sh -c 'while read line; do echo hello; done'"])
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("not a JSON object answer: \"hello\""))

        // Hangs in backprop, ignores SIGTERM, and has started a grandchild that ignores it too.
        let pids = dir.appendingPathComponent("pids").path
        let hanging = try write("hanging.py", """
            import os, signal, subprocess, time
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            class Network(object):
                def __init__(self, sizes):
                    pass
                def backprop(self, x, y):
                    child = subprocess.Popen(["sh", "-c", "trap '' TERM; while :; do sleep 1; done"])
                    with open(\(String(reflecting: pids)), "w") as f:
                        f.write("%d\\n%d\\n" % (os.getpid(), child.pid))
                    while True:
                        time.sleep(1)

            """)
        let start = ContinuousClock.now
        let hang = try gradcheck(["--network-py", hanging, "--timeout", "1"])
        let elapsed = start.duration(to: .now)
        #expect(hang.status == 2)
        #expect(hang.stderr.contains("no answer within 1.0 s"))
        #expect(elapsed < .seconds(10))
        let written = try String(contentsOfFile: pids, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
        #expect(written.count == 2)
        for pid in written { #expect(!survives(pid), "process \(pid) survived") }
    }

    @Test func anAnswerWithNaNIsAWrongGradientNotACrash() throws {
        // Right shapes for p1 ([3, 4, 2]), a bare NaN as Python's json.dumps writes it.
        let answer = #"{"nabla_b": [[NaN, 0, 0, 0], [0, 0]], "nabla_w": [[[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], [[0, 0, 0, 0], [0, 0, 0, 0]]]}"#
        let result = try gradcheck(["--exec", "sh -c 'while read line; do echo \"$0\"; done' '\(answer)'"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("not a number: nabla_b[0] (layer 2) has 1 entry that is NaN or ±∞"), "\(result.stdout)")
        #expect(result.stdout.contains("stopped early: probe p8"), "\(result.stdout)")
    }

    @Test func aNonPythonProgramAnswersThroughExec() throws {
        let server = try #require(BuiltExecutable.url("backprop-server")?.path)
        let right = try gradcheck(["--exec", "'\(server)'"])
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        #expect(right.stdout.contains("PASS") && right.stdout.contains("all 9 probes"))
        let expectations = ["wrong-activation": "BP4", "no-hidden-sigma-prime": "layer 2, BP2", "zero-bias-gradient": "BP3",
                            "wrong-sign": "layer 3, BP1", "double-batch-division": "exactly 1/3 of the true one"]
        for (bug, expected) in expectations {
            let result = try gradcheck(["--exec", "'\(server)' --bug \(bug)"])
            #expect(result.status == 1, "\(bug): \(result.stdout)")
            #expect(result.stdout.contains(expected), "\(bug): \(result.stdout)")
        }
    }

    @Test func backpropServerAnswersAMisshapenExampleWithAnErrorLineNotACrash() throws {
        let server = try #require(BuiltExecutable.url("backprop-server")?.path)
        let child = try ChildProcess(arguments: [server])
        let network = #""sizes": [2, 2, 1], "weights": [[[0.1, -0.2], [0.3, 0.4]], [[0.5, -0.6]]], "biases": [[[0.1], [-0.1]], [[0.2]]], "cost": "QuadraticCost", "protocol": 1"#
        let requests = [
            #"{\#(network), "id": 1, "kind": "backprop", "x": [[1.0], [0.5], [3.0]], "y": [[1.0]]}"#:
                #"{"id": 1, "error": "example 0: x has 3 entries, the network's input layer 2"}"#,
            #"{\#(network), "id": 2, "kind": "update_mini_batch", "xs": [[[1.0], [0.5]], [[0.0]]], "ys": [[[1.0]], [[0.0]]], "eta": 0.5, "lambda": 0.0, "n": 2}"#:
                #"{"id": 2, "error": "example 1: x has 1 entries, the network's input layer 2"}"#,
            #"{\#(network), "id": 3, "kind": "update_mini_batch", "xs": [[[1.0], [0.5]]], "ys": [[[1.0]], [[0.0]]], "eta": 0.5, "lambda": 0.0, "n": 2}"#:
                #"{"id": 3, "error": "1 xs but 2 ys"}"#,
        ]
        for (request, expected) in requests.sorted(by: { $0.value < $1.value }) {
            #expect(try child.exchange(request, timeout: .seconds(30), maxLineBytes: 1 << 16) == expected)
        }
        // Still answering after the errors.
        let answer = try child.exchange(#"{\#(network), "id": 4, "kind": "backprop", "x": [[1.0], [0.5]], "y": [[1.0]]}"#,
                                        timeout: .seconds(30), maxLineBytes: 1 << 16)
        #expect(answer.hasPrefix(#"{"id": 4, "nabla_b": "#))
    }

    @Test func aSavedGradientFileIsChecked() throws {
        let model = try write("model.json", """
            {"sizes": [2, 2, 1], "weights": [[[0.1, -0.2], [0.3, 0.4]], [[0.5, -0.6]]], "biases": [[[0.1], [-0.1]], [[0.2]]], "cost": "QuadraticCost"}
            """)
        // The right gradient, computed elsewhere: by the student module, saved as JSON.
        let module = try write("network.py", StudentModules.network)
        let right = dir.appendingPathComponent("right.json").path
        let script = """
            import json, sys, numpy as np
            sys.path.insert(0, \(String(reflecting: dir.path)))
            import network
            m = json.load(open(\(String(reflecting: model))))
            net = network.Network(m["sizes"])
            net.weights = [np.array(w) for w in m["weights"]]
            net.biases = [np.array(b) for b in m["biases"]]
            nb, nw = net.backprop(np.array([[1.0], [0.5]]), np.array([[1.0]]))
            json.dump({"nabla_b": [b.tolist() for b in nb], "nabla_w": [w.tolist() for w in nw]}, open(\(String(reflecting: right)), "w"))
            """
        _ = module
        let python = try runPython(script)
        #expect(python.status == 0, "\(python.stderr)")
        let pass = try gradcheck(["--model", model, "--input", "1,0.5", "--target", "1", "--gradient", right])
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        #expect(pass.stdout.contains("PASS"))
        // A mini-batch: the mean of the two gradients passes; with λ it lacks (λ/n)·w.
        let batch = try write("batch.json", #"[{"x": [1, 0.5], "y": [1]}, {"x": [[0.2], [0.9]], "y": [[0]]}]"#)
        let mean = dir.appendingPathComponent("mean.json").path
        let meanScript = """
            import json, sys, numpy as np
            sys.path.insert(0, \(String(reflecting: dir.path)))
            import network
            m = json.load(open(\(String(reflecting: model))))
            net = network.Network(m["sizes"])
            net.weights = [np.array(w) for w in m["weights"]]
            net.biases = [np.array(b) for b in m["biases"]]
            g1 = net.backprop(np.array([[1.0], [0.5]]), np.array([[1.0]]))
            g2 = net.backprop(np.array([[0.2], [0.9]]), np.array([[0.0]]))
            json.dump({"nabla_b": [((a + b) / 2).tolist() for a, b in zip(g1[0], g2[0])],
                       "nabla_w": [((a + b) / 2).tolist() for a, b in zip(g1[1], g2[1])]}, open(\(String(reflecting: mean)), "w"))
            """
        let meanPython = try runPython(meanScript)
        #expect(meanPython.status == 0, "\(meanPython.stderr)")
        let batchPass = try gradcheck(["--model", model, "--examples", batch, "--gradient", mean])
        #expect(batchPass.status == 0, "\(batchPass.stdout)\(batchPass.stderr)")
        let noL2 = try gradcheck(["--model", model, "--examples", batch, "--gradient", mean, "--lambda", "0.5", "--n", "10"])
        #expect(noL2.status == 1)
        #expect(noL2.stdout.contains("BP4") && noL2.stdout.contains("the L2 term (λ/n)·w"), "\(noL2.stdout)")

        let wrong = try write("wrong.json", #"{"nabla_b": [[[0.0], [0.0], [0.0]], [[0.0]]], "nabla_w": [[[0, 0], [0, 0]], [[0, 0]]]}"#)
        let shape = try gradcheck(["--model", model, "--input", "1,0.5", "--target", "1", "--gradient", wrong])
        #expect(shape.status == 1)
        #expect(shape.stdout.contains("nabla_b[0] (layer 2) has shape (3, 1), expected (2, 1) or (2,)"), "\(shape.stdout)")
        let empty = try write("empty.json", #"{"nabla_b": [], "nabla_w": []}"#)
        let count = try gradcheck(["--model", model, "--input", "1,0.5", "--target", "1", "--gradient", empty])
        #expect(count.status == 1)
        #expect(count.stdout.contains("nabla_b has 0 arrays, expected 2 arrays (layers 2…3)"), "\(count.stdout)")
        let missing = try gradcheck(["--model", model, "--input", "1,0.5", "--target", "1", "--gradient", "/nonexistent.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent.json: no such file"))
    }
}
