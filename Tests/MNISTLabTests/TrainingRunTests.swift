import BackpropEngine
import MNISTLab
import Testing

@Suite struct TrainingRunTests {
    func settings(epochs: Int = 3) -> TrainingSettings {
        TrainingSettings(sizes: [784, 5, 10], epochs: epochs, batch: 10, eta: 3.0, seed: 7, trainingCount: 200, evaluationCount: 50)
    }

    @Test func learnsTheSyntheticDigits() throws {
        let data = syntheticSplits()
        var run = try TrainingRun(settings: settings(epochs: 5))
        while !run.isFinished {
            try run.trainEpoch(on: data.training, scoringOn: data.validation, engine: .textbook)
        }
        #expect(run.history.map(\.epoch) == [0, 1, 2, 3, 4])
        #expect(try #require(run.best).correct >= 45)
    }

    @Test func resumingFromACheckpointGivesTheUninterruptedResult() throws {
        let data = syntheticSplits()
        var whole = try TrainingRun(settings: settings())
        var first = try TrainingRun(settings: settings())
        for _ in 0..<3 { try whole.trainEpoch(on: data.training, scoringOn: data.validation, engine: .textbook) }
        try first.trainEpoch(on: data.training, scoringOn: data.validation, engine: .textbook)
        // Through the file format and back, as `--checkpoint` / `--resume` do.
        var resumed = TrainingRun(resuming: try Checkpoint.decode(first.checkpoint.encode()))
        #expect(resumed.nextEpoch == 1)
        while !resumed.isFinished {
            try resumed.trainEpoch(on: data.training, scoringOn: data.validation, engine: .textbook)
        }
        #expect(resumed.network == whole.network)
        #expect(resumed.history.map(\.correct) == whole.history.map(\.correct))
    }

    @Test func eachEpochShufflesWithItsOwnStream() {
        var a = TrainingRun.epochGenerator(seed: 1, epoch: 0)
        var b = TrainingRun.epochGenerator(seed: 1, epoch: 1)
        var c = TrainingRun.epochGenerator(seed: 2, epoch: 0)
        var again = TrainingRun.epochGenerator(seed: 1, epoch: 0)
        let first = a.next()
        #expect(first == again.next())
        #expect(first != b.next())
        #expect(first != c.next())
    }

    @Test func divergenceNamesTheEpochAndSuggestsASmallerEta() throws {
        var data = syntheticSplits(count: 20)
        data.training = data.training.map { Example(x: $0.x.map { $0 * 1e200 + 1e200 }, y: $0.y) }
        var settings = settings()
        settings.eta = 1e200
        settings.trainingCount = 20
        var run = try TrainingRun(settings: settings)
        let before = run.network
        #expect(throws: TrainingError.nonFinite(epoch: 0, eta: 1e200)) {
            try run.trainEpoch(on: data.training, scoringOn: data.validation, engine: .textbook)
        }
        #expect(run.network == before)  // the last good network is kept
        #expect("\(TrainingError.nonFinite(epoch: 4, eta: 100))".contains("epoch 4"))
        #expect("\(TrainingError.nonFinite(epoch: 4, eta: 100))".contains("smaller learning rate"))
    }
}
