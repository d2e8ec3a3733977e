import BackpropEngine
import Foundation
import MNISTLab
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
        let directory = try TemporaryDirectory(prefix: "mnistlab").url
        let path = directory.appendingPathComponent("run.ckpt.json").path
        let saved = try checkpoint()
        try saved.save(to: path)
        #expect(try Checkpoint.load(from: path) == saved)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["run.ckpt.json"])
    }

    @Test func aPlainModelIsNotACheckpoint() throws {
        let directory = try TemporaryDirectory(prefix: "mnistlab").url
        let path = directory.appendingPathComponent("model.json").path
        try ModelFile.save(try checkpoint().network, to: path)
        #expect {
            try Checkpoint.load(from: path)
        } throws: { error in
            "\(error)".hasPrefix(path) && "\(error)".contains("not a checkpoint")
        }
    }
}
