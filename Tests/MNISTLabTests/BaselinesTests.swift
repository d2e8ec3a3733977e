import BackpropEngine
import Datasets
import MNISTLab
import Testing

@Suite struct BaselinesTests {
    @Test func averageDarknessScoresTheBooks2225() throws {
        let mnist = try realMNIST.get()
        let training = mnist.makeTraining().map { LabeledExample(x: $0.x, label: $0.y.argmax) }
        #expect(Baselines.averageDarknessCorrect(training: training, test: mnist.makeTest()) == 2225)
    }

    @Test func darknessGuessesTheNearestAverage() {
        let averages = [10.0, 2.0, 7.0]
        #expect(Baselines.guessByDarkness(Vector([1, 1.4]), averages: averages) == 1)
        #expect(Baselines.guessByDarkness(Vector([6, 2]), averages: averages) == 2)
        #expect(Baselines.guessByDarkness(Vector([20]), averages: averages) == 0)
    }

    @Test func randomGuessingIsSeededAndNearOneInTen() {
        let data = (0..<10_000).map { LabeledExample(x: Vector([0]), label: $0 % 10) }
        var a = SeededGenerator(seed: 5)
        var b = SeededGenerator(seed: 5)
        let correct = Baselines.randomGuessing(data, generator: &a)
        #expect(correct == Baselines.randomGuessing(data, generator: &b))
        #expect((850...1150).contains(correct))
    }
}
