import BackpropEngine
import Foundation
@testable import MNISTLab
import Rendering
import Testing
import TestSupport

@Suite struct CheckpointTests {
    func checkpoint() throws -> Checkpoint {
        let settings = TrainingSettings(sizes: [784, 3, 10], epochs: 4, seed: 9, trainingCount: 100, evaluationCount: 20)
        var run = try TrainingRun(settings: settings)
        let data = syntheticSplits(count: 100)
        try run.trainEpoch(on: data.training, scoringOn: data.validation, engine: .textbook)
        return run.checkpoint
    }

    @Test func isANetwork2ModelWithOneExtraKey() throws {
        let saved = try checkpoint()
        let text = try saved.encode()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["sizes", "weights", "biases", "cost", Checkpoint.key])
        #expect(try ModelFile.decode(Data(text.utf8)) == saved.network)
        #expect(try Checkpoint.decode(text) == saved)
    }

    @Test func savesAtomicallyAndLoadsBack() throws {
        let temporary = try TemporaryDirectory(prefix: "mnistlab")
        defer { temporary.remove() }
        let directory = temporary.url
        let path = directory.appendingPathComponent("run.ckpt.json").path
        let saved = try checkpoint()
        try saved.save(to: path)
        #expect(try Checkpoint.load(from: path) == saved)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["run.ckpt.json"])
    }

    @Test func aPlainModelIsNotACheckpoint() throws {
        let temporary = try TemporaryDirectory(prefix: "mnistlab")
        defer { temporary.remove() }
        let directory = temporary.url
        let path = directory.appendingPathComponent("model.json").path
        try ModelFile.save(try checkpoint().network, to: path)
        #expect {
            try Checkpoint.load(from: path)
        } throws: { error in
            "\(error)".hasPrefix(path) && "\(error)".contains("not a checkpoint")
        }
    }

    @Test("a non-finite number in the run's state is written as \"NaN\"/\"Infinity\" and read back")
    func nonFiniteStateRoundTrips() throws {
        var saved = try checkpoint()
        saved.history[0].seconds = .infinity
        let text = try saved.encode()
        #expect(text.contains(#""seconds": "Infinity""#))
        #expect(try Checkpoint.decode(text).history[0].seconds == .infinity)
    }

    @Test("a NaN weight is refused with the weight named, as for model files")
    func nanWeightIsRefused() throws {
        var saved = try checkpoint()
        saved.network.weights[0][0, 5] = .nan
        #expect {
            try saved.encode()
        } throws: { error in
            "\(error)".contains("weights[0][0][5]") && "\(error)".contains("is NaN")
        }
    }

    @Test("mnist's reports go through the same writer: NaN and ±∞ as strings")
    func reportNonFinite() throws {
        let result = EpochResult(epoch: 0, correct: 1, total: 2, seconds: .nan)
        let report = TrainingReport(settings: TrainingSettings(), engine: .fast, threads: 1, batchesOnOneThread: 0, resumedAfterEpochs: 0,
                                    epochs: [result], best: result, seconds: -.infinity, savedModel: nil)
        let text = try OutputFormat.json(report)
        #expect(text.contains(#""seconds": "NaN""#) && text.contains(#""seconds": "-Infinity""#))
    }
}
