import Foundation
import Testing

/// Golden tests: the exact `--format json` output of each tool that prints through
/// `OutputFormat.json` (perceptrons, sigmoid-limit, mnist train/evaluate/baselines),
/// run as a user runs it. `gradcheck` and `backprop-trace` still have their own writers.
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
        let run = try ToolRun(tool, arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try ToolRun.golden(golden, actual: run.stdout)))
        _ = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    @Test("mnist train, evaluate and baselines print the pinned JSON (times masked)")
    func mnist() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("JSONOutputTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = ["--data", ToolRun.mnistData]
        let train = try ToolRun("mnist", ["train"] + data + [
            "--sizes", "784,10,10", "--limit", "300", "--eval-limit", "100", "--epochs", "2",
            "--save", "model.json", "--format", "json",
        ], in: directory)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(ToolRun.maskingTimes(train.stdout) == (try ToolRun.golden("mnist-train.json", actual: ToolRun.maskingTimes(train.stdout))))

        let evaluate = try ToolRun("mnist", ["evaluate"] + data + ["--model", "model.json", "--format", "json"], in: directory)
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        // Thousands of mistakes: the golden file keeps the layout up to the third one and the end.
        let lines = evaluate.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let excerpt = (lines.prefix(46) + ["…"] + lines.suffix(8)).joined(separator: "\n")
        #expect(excerpt == (try ToolRun.golden("mnist-evaluate.json", actual: excerpt)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(evaluate.stdout.utf8)) as? [String: Any])
        let (correct, total) = (try #require(object["correct"] as? Int), try #require(object["total"] as? Int))
        #expect((object["mistakes"] as? [Any])?.count == total - correct)

        let baselines = try ToolRun("mnist", ["baselines"] + data + ["--format", "json"], in: directory)
        #expect(baselines.status == 0, "\(baselines.stderr)")
        #expect(baselines.stdout == (try ToolRun.golden("mnist-baselines.json", actual: baselines.stdout)))
    }
}
