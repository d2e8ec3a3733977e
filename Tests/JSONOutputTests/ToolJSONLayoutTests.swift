import Foundation
import Testing
import TestSupport

/// Golden tests: the exact `--format json` output of each tool that prints through
/// `OutputFormat.json` (perceptrons, sigmoid-limit, lessons glossary, mnist
/// train/evaluate/baselines and the SVM baseline), run as a user runs it. gradcheck's layouts are pinned in
/// `GradCheckJSONLayoutTests`, backprop-trace's in BackpropTraceTests.
@Suite("--format json layouts", .serialized)
struct ToolJSONLayoutTests {
    @Test("perceptrons and sigmoid-limit print the pinned JSON", arguments: [
        ("perceptrons", ["nand"], "perceptrons-nand.json"),
        ("perceptrons", ["adder"], "perceptrons-adder.json"),
        ("perceptrons", ["ripple", "--bits", "3"], "perceptrons-ripple.json"),
        ("perceptrons", ["scaling"], "perceptrons-scaling.json"),
        ("perceptrons", ["four-bit"], "perceptrons-four-bit.json"),
        ("sigmoid-limit", ["--max-power", "2"], "sigmoid-limit.json"),
    ])
    func deterministicTools(tool: String, arguments: [String], golden: String) throws {
        let run = try TestProcess.run(built: tool, arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try JSONGolden.text(golden, actual: run.stdout)))
        _ = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    @Test("mnist train, evaluate and baselines print the pinned JSON (times and threads masked)")
    func mnist() throws {
        let directory = try TemporaryDirectory(prefix: "JSONOutputTests")
        defer { directory.remove() }
        let data = ["--data", PackagePaths.sharedMNIST.path]
        let train = try TestProcess.run(built: "mnist", ["train"] + data + [
            "--sizes", "784,10,10", "--limit", "300", "--eval-limit", "100", "--epochs", "2",
            "--save", "model.json", "--format", "json",
        ], currentDirectory: directory.url)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(JSONGolden.masked(train.stdout) == (try JSONGolden.text("mnist-train.json", actual: JSONGolden.masked(train.stdout))))

        let evaluate = try TestProcess.run(built: "mnist", ["evaluate"] + data + ["--model", "model.json", "--format", "json"],
                                           currentDirectory: directory.url)
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        // Thousands of mistakes: the golden file keeps the layout up to the third one and the end.
        let lines = evaluate.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let excerpt = (lines.prefix(46) + ["…"] + lines.suffix(8)).joined(separator: "\n")
        #expect(excerpt == (try JSONGolden.text("mnist-evaluate.json", actual: excerpt)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(evaluate.stdout.utf8)) as? [String: Any])
        let (correct, total) = (try #require(object["correct"] as? Int), try #require(object["total"] as? Int))
        #expect((object["mistakes"] as? [Any])?.count == total - correct)

        let baselines = try TestProcess.run(built: "mnist", ["baselines"] + data + ["--format", "json"], currentDirectory: directory.url)
        #expect(baselines.status == 0, "\(baselines.stderr)")
        #expect(baselines.stdout == (try JSONGolden.text("mnist-baselines.json", actual: baselines.stdout)))
    }

    /// The SVM trained on the first 200 training images (about 4 s in a debug build),
    /// scored on the 10,000 test images: the layout and the deterministic values are
    /// pinned; training and prediction times, peak memory and the thread count (the
    /// machine's cores) are masked.
    @Test("mnist baselines --svm prints the pinned JSON (times, memory and threads masked)")
    func svm() throws {
        let run = try TestProcess.run(built: "mnist", ["baselines", "--svm", "--limit", "200", "--seed", "1",
                                                       "--data", PackagePaths.sharedMNIST.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let masked = JSONGolden.masked(run.stdout)
        #expect(masked == (try JSONGolden.text("mnist-baselines-svm.json", actual: masked)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["trainingImages"] as? Int == 200)
        #expect(object["trainingSeconds"] is Double && object["predictionSeconds"] is Double)
    }

    /// bench on the first 1000 training images, one epoch of each Swift engine and a
    /// one-epoch full run in its child process, the two NumPy rows skipped (no script there):
    /// the layout, the scores and the settings are pinned; times, the machine, kernels,
    /// cores and threads are masked. (About 11 s in a debug build.)
    @Test("bench prints the pinned JSON (times, machine and threads masked)")
    func bench() throws {
        let run = try TestProcess.run(built: "bench", [
            "--data", PackagePaths.sharedMNIST.path, "--limit", "1000", "--sizes", "784,30,10", "--fast-precision", "double",
            "--epochs-fast", "1", "--epochs-textbook", "1", "--epochs-numpy", "1", "--numpy-script", "/nonexistent/reference.py",
            "--full-epochs", "1", "--threads", "2", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let masked = JSONGolden.masked(run.stdout)
        #expect(masked == (try JSONGolden.text("bench.json", actual: masked)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["engine"] as? String } == ["fast", "fast dense", "textbook", "numpy", "numpy per example"])
        #expect(rows[0]["correctAfterFirstEpoch"] as? Int == rows[2]["correctAfterFirstEpoch"] as? Int,
                "the fast engine and the textbook score the same after an epoch")
        #expect((object["fullRuns"] as? [Any])?.count == 1)
    }

    /// The glossary grows as lessons are translated: the golden file keeps the layout of
    /// the first two entries and the end; every row of lessons/glossary.tsv is an entry.
    @Test("lessons glossary prints the pinned JSON layout, one entry per glossary row")
    func glossary() throws {
        let run = try TestProcess.run(built: "lessons", ["glossary", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let excerpt = (lines.prefix(11) + ["…"] + lines.suffix(3)).joined(separator: "\n")
        #expect(excerpt == (try JSONGolden.text("lessons-glossary.json", actual: excerpt)))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let table = try String(contentsOf: PackagePaths.root.appendingPathComponent("lessons/glossary.tsv"), encoding: .utf8)
        let rows = table.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(entries.count == rows.count - 1, "one entry per row below the header")
    }
}
