import BackpropEngine
import Datasets
import Foundation
import MNISTLab
import Testing
import TestSupport

@Suite struct TrainingSessionTests {
    /// A short real run on MNIST that must clearly learn, as issue 6 asks: one epoch on
    /// the first 10,000 training examples with the chapter's settings ([784, 30, 10],
    /// η = 3.0, mini-batches of 10, quadratic cost) and chapter 3's scaled init, scored on
    /// all 10,000 validation images: > 85% (`mnist train --limit 10000 --epochs 1
    /// --init scaled` printed 8991 / 10000). Guessing scores ~10% and average darkness 22%.
    /// The saved model must then score the same when loaded and evaluated independently.
    @Test func aShortRealRunLearnsAndItsSavedModelScoresTheSame() throws {
        let mnist = try realMNIST.get()
        let data = DigitSplits(training: mnist.makeTraining(limit: 10_000), validation: mnist.makeValidation(limit: 10_000), test: [])
        var options = TrainingOptions(settings: TrainingSettings(
            sizes: [784, 30, 10], epochs: 1, batch: 10, eta: 3.0, cost: .quadratic, initializer: .scaled,
            seed: 1, trainingCount: 10_000, evaluation: .validation, evaluationCount: 10_000
        ))
        let temporary = try TemporaryDirectory(prefix: "mnistlab")
        defer { temporary.remove() }
        let directory = temporary.url
        options.savePath = directory.appendingPathComponent("model.json").path
        var lines: [String] = []
        let report = try TrainingSession.run(options, data: data) { lines.append($0) }
        let best = try #require(report.best)
        #expect(best.correct > 8500)
        #expect(lines.contains { $0.hasPrefix("Epoch 0: \(best.correct) / 10000 (") })

        let loaded = try ModelFile.load(from: try #require(options.savePath))
        #expect(Evaluation(network: loaded, data: data.validation).correct == best.correct)
        #expect(loaded.evaluate(data.validation) == best.correct)
    }

    @Test func printsEpochLinesASummaryAndAPlot() throws {
        var options = TrainingOptions(settings: TrainingSettings(sizes: [784, 5, 10], epochs: 2, seed: 3, trainingCount: 200, evaluationCount: 50))
        let temporary = try TemporaryDirectory(prefix: "mnistlab")
        defer { temporary.remove() }
        let directory = temporary.url
        options.plotPath = directory.appendingPathComponent("curve.svg").path
        var lines: [String] = []
        try TrainingSession.run(options, data: syntheticSplits()) { lines.append($0) }
        #expect(lines[0] == "seed: 3")
        #expect(lines[1] == "training 784,5,10 on 200 MNIST examples: 2 epochs, batch 10, η = 3.0, quadratic cost, large init; scoring on 50 validation examples")
        #expect(lines[2].hasPrefix("Epoch 0: ") && lines[3].hasPrefix("Epoch 1: "))
        #expect(lines[4].hasPrefix("best: epoch "))
        let svg = try String(contentsOfFile: try #require(options.plotPath), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("polyline"))
    }

    /// The three engines on one synthetic run: fast = textbook exactly (same network, so
    /// same scores), fast-float within a few answers; and packed data trains like examples.
    @Test func enginesAgreeAndPackedDataTrainsLikeExamples() throws {
        let settings = TrainingSettings(sizes: [784, 8, 10], epochs: 2, seed: 4, trainingCount: 200, evaluationCount: 50)
        let data = syntheticSplits()
        func scores(_ engine: Engine, _ epochData: EpochData? = nil) throws -> [Int] {
            var options = TrainingOptions(settings: settings)
            options.engine = engine
            options.format = .json
            let report = try epochData.map { try TrainingSession.run(options, data: $0) { _ in } }
                ?? TrainingSession.run(options, data: data) { _ in }
            return report.epochs.map(\.correct)
        }
        let textbook = try scores(.textbook)
        #expect(try scores(.fast) == textbook)
        let training = Array(data.training.prefix(200)), heldOut = Array(data.validation.prefix(50))
        #expect(try scores(.fast, EpochData(training: training, heldOut: heldOut, for: .fast, sizes: settings.sizes)) == textbook)
        let float = try scores(.fastFloat)
        #expect(zip(float, textbook).allSatisfy { abs($0 - $1) <= 2 }, "\(float) vs \(textbook)")
        #expect(throws: TrainingError.self) {
            try scores(.textbook, EpochData(training: training, heldOut: heldOut, for: .fast, sizes: settings.sizes))
        }
    }

    @Test func jsonFormatPrintsOnlyOneJSONDocument() throws {
        var options = TrainingOptions(settings: TrainingSettings(sizes: [784, 5, 10], epochs: 2, seed: 3, trainingCount: 200, evaluationCount: 50))
        options.format = .json
        var lines: [String] = []
        let report = try TrainingSession.run(options, data: syntheticSplits()) { lines.append($0) }
        #expect(lines.count == 1)
        let decoded = try JSONDecoder().decode(TrainingReport.self, from: Data(lines[0].utf8))
        #expect(decoded.epochs == report.epochs)
        #expect(decoded.settings == report.settings)
        #expect(decoded.threads == report.threads && report.threads == 1, "the fast engine, on one thread by default")
        let threaded = try Engine.$threads.withValue(3) { try TrainingSession.run(options, data: syntheticSplits()) { _ in } }
        #expect(threaded.threads == 3 && threaded.epochs.map(\.correct) == report.epochs.map(\.correct), "3 threads, the same run")
        options.engine = .textbook
        let textbook = try Engine.$threads.withValue(3) { try TrainingSession.run(options, data: syntheticSplits()) { _ in } }
        #expect(textbook.threads == 1, "the textbook engine trains on one thread")
        #expect(Engine.$threads.withValue(3) { Engine.fast.trainingThreads(miniBatchSize: 257) } == 1)
    }

    @Test func badSettingsNameTheFlag() {
        let data = syntheticSplits()
        let cases: [(TrainingSettings, String)] = [
            (TrainingSettings(sizes: [100, 10], trainingCount: 200), "--sizes must start with 784"),
            (TrainingSettings(sizes: [784, 9], trainingCount: 200), "--sizes must end with 10"),
            (TrainingSettings(batch: 201, trainingCount: 200), "--batch must be between 1 and the number of training examples (200)"),
            (TrainingSettings(trainingCount: 201), "--limit must be between 1 and 200"),
            (TrainingSettings(eta: .nan, trainingCount: 200), "--eta must be a positive number"),
            (TrainingSettings(trainingCount: 200, evaluationCount: 51), "--eval-limit must be between 1 and 50"),
        ]
        for (settings, message) in cases {
            #expect {
                try TrainingSession.run(TrainingOptions(settings: settings), data: data) { _ in }
            } throws: { error in
                "\(error)".hasPrefix(message)
            }
        }
    }
}
