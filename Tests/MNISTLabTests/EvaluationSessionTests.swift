import BackpropEngine
import Foundation
import MNISTLab
import Testing
import TestSupport

@Suite struct EvaluationSessionTests {
    /// A model trained briefly on the synthetic digits, saved to a file.
    func savedModel(in directory: URL) throws -> (path: String, network: Network) {
        let settings = TrainingSettings(sizes: [784, 5, 10], epochs: 1, initializer: .scaled, seed: 2, trainingCount: 200, evaluationCount: 50)
        var run = try TrainingRun(settings: settings)
        let data = syntheticSplits()
        try run.trainEpoch(on: data.training, scoringOn: data.validation, engine: .textbook)
        let path = directory.appendingPathComponent("model.json").path
        try ModelFile.save(run.network, to: path)
        return (path, run.network)
    }

    @Test func printsScoreMatrixAndMistakesAndWritesThePNG() throws {
        let temporary = try TemporaryDirectory(prefix: "mnistlab")
        defer { temporary.remove() }
        let directory = temporary.url
        let (path, network) = try savedModel(in: directory)
        let png = directory.appendingPathComponent("mistakes.png").path
        var lines: [String] = []
        let report = try EvaluationSession.run(
            modelPath: path, data: { syntheticSplits() }, set: .test, pngPath: png, show: 2, format: .text
        ) { lines.append($0) }
        let text = lines.joined(separator: "\n")
        #expect(report.correct == network.evaluate(syntheticSplits().test))
        #expect(report.total == 50)
        #expect(report.confusion.flatMap { $0 }.reduce(0, +) == 50)
        #expect(text.contains("test: \(report.correct) / 50 correct"))
        #expect(text.contains("confusion matrix") && text.contains("most confused"))
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func aModelThatDoesNotFitMNISTIsRefusedBeforeTheDataIsLoaded() throws {
        let temporary = try TemporaryDirectory(prefix: "mnistlab")
        defer { temporary.remove() }
        let directory = temporary.url
        let path = directory.appendingPathComponent("xor.json").path
        try ModelFile.save(try Network(sizes: [2, 3, 1], seed: 1), to: path)
        var loaded = false
        #expect {
            try EvaluationSession.run(
                modelPath: path, data: { loaded = true; return syntheticSplits() }, set: .test, pngPath: nil, show: 0, format: .json
            ) { _ in }
        } throws: { error in
            "\(error)" == "\(path): has sizes [2, 3, 1]; an MNIST model needs 784 inputs and 10 outputs"
        }
        #expect(!loaded)
    }
}
