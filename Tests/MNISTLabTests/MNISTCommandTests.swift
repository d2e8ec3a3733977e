import Datasets
import Foundation
import MNISTLab
import Testing
import TestSupport

/// The `mnist` executable as a user runs it: a real child process.
@Suite struct MNISTCommandTests {
    /// A quick real run: small net, 500 examples, scored on 100 validation images.
    func quickRun(epochs: Int = 3) -> [String] {
        ["train", "--data", mnistDirectory, "--sizes", "784,10,10", "--limit", "500", "--eval-limit", "100", "--epochs", "\(epochs)"]
    }

    /// Ctrl-C during `mnist train --save FILE --checkpoint CK` keeps FILE's previous
    /// content and leaves no temporary files; `--resume CK` then finishes with exactly
    /// the model an uninterrupted run saves.
    @Test func ctrlCKeepsTheSavedFileAndResumeMatchesAnUninterruptedRun() throws {
        // Enough epochs (about 0.01 s each in a debug build) that the run is still
        // training when the interrupt, sent within 20 ms of the first checkpoint, arrives.
        let epochs = 100
        let temporary = try TemporaryDirectory(prefix: "mnistlab"), directory = temporary.url
        // The uninterrupted run saves elsewhere: its atomic writer's temporary file must
        // not show up in the listing of `directory` below.
        let referenceDirectory = try TemporaryDirectory(prefix: "mnistlab-reference")
        defer { temporary.remove(); referenceDirectory.remove() }
        let reference = referenceDirectory.file("reference.json")
        let model = directory.appendingPathComponent("model.json").path
        let checkpoint = directory.appendingPathComponent("run.ckpt.json").path
        try "previous model\n".write(toFile: model, atomically: true, encoding: .utf8)

        let uninterrupted = try startMNIST(quickRun(epochs: epochs) + ["--save", reference])
        let child = try startMNIST(quickRun(epochs: epochs) + ["--save", model, "--checkpoint", checkpoint])
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: checkpoint), child.isRunning, Date() < deadline {
            usleep(20_000)
        }
        #expect(child.isRunning, "the run should still be training after its first epoch")
        child.send(SIGINT)
        let interrupted = try child.wait()
        #expect(interrupted.status == 130)
        #expect(interrupted.stderr.contains("interrupted during epoch"))
        #expect(interrupted.stderr.contains("\(model) was not written"))
        #expect(try String(contentsOfFile: model, encoding: .utf8) == "previous model\n")
        let saved = try Checkpoint.load(from: checkpoint)
        #expect((1..<epochs).contains(saved.history.count))
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(files == ["model.json", "run.ckpt.json"])  // no temporary files left behind

        let mismatched = try runMNIST(quickRun(epochs: epochs) + ["--eta", "0.5", "--resume", checkpoint])
        #expect(mismatched.status == 64)
        #expect(mismatched.stderr.contains("was made with --eta 3.0, not 0.5"))

        let resumed = try runMNIST(quickRun(epochs: epochs) + ["--save", model, "--checkpoint", checkpoint, "--resume", checkpoint])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resumed from \(checkpoint) after \(saved.history.count) epoch"))
        let uninterruptedResult = try uninterrupted.wait()
        #expect(uninterruptedResult.status == 0)
        let same = try Data(contentsOf: URL(fileURLWithPath: model)) == Data(contentsOf: URL(fileURLWithPath: reference))
        #expect(same, "the resumed run's model differs from the uninterrupted run's")
        let lastLine = { (text: String) in
            text.split(separator: "\n").last { $0.hasPrefix("Epoch \(epochs - 1): ") }.map { $0.prefix { $0 != "(" } }
        }
        #expect(lastLine(resumed.stdout) != nil)
        #expect(lastLine(resumed.stdout) == lastLine(uninterruptedResult.stdout))
    }

    @Test(arguments: [
        (["train", "--sizes", "100,30,10"], "--sizes must start with 784 inputs"),
        (["train", "--sizes", "784,30,9"], "--sizes must end with 10 outputs"),
        (["train", "--sizes", "784,,10"], "'' is not a whole number"),
        (["train", "--limit", "5", "--batch", "10"], "--batch must be between 1 and the number of training examples (5)"),
        (["train", "--limit", "60000"], "--limit must be between 1 and 50000"),
        (["train", "--eta", "0"], "--eta must be a positive number"),
        (["train", "--epochs", "0"], "--epochs must be between 1 and 10000"),
        (["train", "--epochs", "99999999"], "--epochs must be between 1 and 10000"),
        (["train", "--eval", "training"], "--eval"),
        (["train", "--plot", "curve.png"], "give a file name ending in .svg"),
        (["evaluate", "--model", "m.json", "--png", "mistakes.gif"], "give a file name ending in .png"),
    ])
    func badFlagsGetOneClearLine(arguments: [String], message: String) throws {
        let result = try runMNIST(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// More threads than cores still trains, on those threads, to the same weights, and
    /// says on stderr that it will be slow; as many as the cores gives no warning (at most
    /// the note that other programs — here the tests running beside it — kept the cores
    /// busy and some mini-batches trained on one thread).
    @Test func moreThreadsThanCoresWarnsAndTrainsTheSame() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let many = try runMNIST(quickRun(epochs: 1) + ["--threads", "\(cores + 1)"])
        let usual = try runMNIST(quickRun(epochs: 1) + ["--threads", "\(cores)"])
        #expect(many.status == 0 && usual.status == 0)
        #expect(many.stderr.hasPrefix("warning: --threads \(cores + 1) is more than the \(cores) cores here"), "\(many.stderr)")
        #expect(usual.stderr.isEmpty || usual.stderr.hasPrefix("note: other programs kept the cores busy"), "\(usual.stderr)")
        let score = { (output: String) in output.split(separator: "\n").filter { $0.hasPrefix("Epoch") }.map { $0.split(separator: "(")[0] } }
        #expect(score(many.stdout) == score(usual.stdout) && !score(usual.stdout).isEmpty)
    }

    @Test func badFilesExitWithStatus2() throws {
        let missingModel = try runMNIST(["evaluate", "--data", mnistDirectory, "--model", "/nonexistent/model.json"])
        #expect(missingModel.status == 2)
        #expect(missingModel.stderr == "mnist: /nonexistent/model.json: no such file\n")
        let missingData = try runMNIST(["baselines", "--data", "/nonexistent/mnist"])
        #expect(missingData.status == 2)
        #expect(missingData.stderr.hasPrefix("mnist: /nonexistent/mnist"))
    }
}
