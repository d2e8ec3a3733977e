import Foundation
import Testing
import TestSupport

/// `mnist baselines --svm` as a user runs it: the real executable in a child process.
@Suite struct SVMCommandTests {
    let quick = ["baselines", "--svm", "--data", mnistDirectory, "--limit", "300"]

    /// Train on 300 images, save, then load the file and score again: the same score,
    /// reported as JSON.
    @Test func trainSaveLoadThroughTheTool() throws {
        let directory = try TemporaryDirectory(prefix: "SVMBaselineTests")
        defer { directory.remove() }
        let model = directory.file("svm.model")
        let trained = try runMNIST(quick + ["--save-svm", model, "--format", "json"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let first = try JSONSerialization.jsonObject(with: Data(trained.stdout.utf8)) as? [String: Any]
        let correct = try #require(first?["correct"] as? Int)
        #expect(correct > 5_000, "300 images score five times chance (1,000 of 10,000) and more")
        #expect(first?["testImages"] as? Int == 10_000)
        #expect(first?["trainingImages"] as? Int == 300)
        #expect(first?["predictionThreads"] as? Int == ProcessInfo.processInfo.activeProcessorCount)
        #expect((first?["supportVectors"] as? Int).map { (1...300).contains($0) } == true)

        let loaded = try runMNIST(["baselines", "--data", mnistDirectory, "--load-svm", model])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout.contains("loaded \(model)"))
        #expect(loaded.stdout.contains("\(correct) / 10000"), "\(loaded.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["svm.model"])
    }

    @Test func badModelFilesExitWith2AndOneLine() throws {
        let directory = try TemporaryDirectory(prefix: "SVMBaselineTests")
        defer { directory.remove() }
        let truncated = directory.file("truncated.model")
        try "svm_type c_svc\nkernel_type rbf\ngamma 0.5\nnr_class 2\ntotal_sv 3\nrho 0.1\nlabel 0 1\nnr_sv 2 1\nSV\n1 1:0.5\n"
            .write(toFile: truncated, atomically: true, encoding: .utf8)
        let cases = [
            (truncated, "mnist: \(truncated): total_sv is 3 but the file has 1 support vectors (truncated?) (not a LIBSVM digit model)\n"),
            ("/nonexistent/svm.model", "mnist: /nonexistent/svm.model: no such file\n"),
        ]
        for (path, message) in cases {
            let result = try runMNIST(["baselines", "--data", mnistDirectory, "--load-svm", path])
            #expect(result.status == 2)
            #expect(result.stderr == message)
            #expect(result.stdout.isEmpty || !result.stdout.contains("predict"))
        }
        let unwritable = try runMNIST(quick + ["--save-svm", "/nonexistent/dir/svm.model"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr == "mnist: /nonexistent/dir/svm.model: cannot write: No such file or directory\n")
    }

    @Test(arguments: [
        (["--svm", "--svm-c", "0"], "--svm-c must be a positive number"),
        (["--svm", "--svm-gamma=-1"], "--svm-gamma must be a positive number"),
        (["--svm", "--svm-gamma", "nan"], "--svm-gamma must be a positive number"),
        (["--svm", "--limit", "1"], "--limit must be between 2 and 50000"),
        (["--svm", "--limit", "60000"], "--limit must be between 2 and 50000"),
        (["--svm-c", "10"], "--svm-c needs --svm"),
        (["--save-svm", "m"], "--save-svm needs --svm"),
        (["--load-svm", "m", "--svm-gamma", "0.05"], "--svm-gamma is for training"),
        (["--svm", "--svm-c", "x"], "--svm-c"),
    ])
    func badFlagsExitWith64(arguments: [String], message: String) throws {
        let result = try runMNIST(["baselines"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// Ctrl-C while training: status 130, one message, and no model file (nor a
    /// temporary one) — the file is only ever written whole, after training.
    @Test func ctrlCStopsTrainingCleanly() throws {
        let directory = try TemporaryDirectory(prefix: "SVMBaselineTests")
        defer { directory.remove() }
        let model = directory.file("svm.model")
        let child = try TestProcess.start(BuiltExecutable.require("mnist"),
                                          ["baselines", "--svm", "--data", mnistDirectory, "--limit", "20000", "--save-svm", model])
        _ = child.output(timeout: .seconds(60)) { $0.contains("training on") }
        #expect(child.isRunning, "training 20,000 images takes far longer than this")
        child.send(SIGINT)
        let result = try child.wait(timeout: .seconds(30))
        #expect(result.status == 130)
        #expect(result.stderr.contains("interrupted while training; \(model) was not written"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
