import BackpropEngine
import Foundation

/// Chapter 1's baselines, the scores a network must beat to have learned anything.
public enum Baselines {
    /// Random guessing: each answer drawn uniformly from 0–9 with `generator`.
    /// (`next() % 10` is biased by under 10⁻¹⁸, far below anything a count can show.)
    public static func randomGuessing(_ data: [LabeledExample], generator: inout SeededGenerator) -> Int {
        data.reduce(0) { correct, example in
            correct + (Int(generator.next() % 10) == example.label ? 1 : 0)
        }
    }

    /// The darkness of an image: the sum of its pixel intensities.
    public static func darkness(_ x: Vector) -> Double {
        x.elements.reduce(0, +)
    }

    /// The book's `mnist_average_darkness.py`: the average darkness of each digit in
    /// `training`, indexed by digit (a digit never seen gets 0).
    public static func averageDarkness(_ training: [LabeledExample], classes: Int = 10) -> [Double] {
        var sums = Array(repeating: 0.0, count: classes)
        var counts = Array(repeating: 0, count: classes)
        for example in training where (0..<classes).contains(example.label) {
            sums[example.label] += darkness(example.x)
            counts[example.label] += 1
        }
        return zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }
    }

    /// The digit whose average darkness is closest to the image's (the smaller digit on
    /// a tie), as the book's `guess_digit`.
    public static func guessByDarkness(_ x: Vector, averages: [Double]) -> Int {
        let d = darkness(x)
        var best = 0
        for digit in averages.indices where abs(averages[digit] - d) < abs(averages[best] - d) {
            best = digit
        }
        return best
    }

    /// How many of `test` the darkness classifier trained on `training` gets right.
    public static func averageDarknessCorrect(training: [LabeledExample], test: [LabeledExample]) -> Int {
        let averages = averageDarkness(training)
        return test.reduce(0) { $0 + (guessByDarkness($1.x, averages: averages) == $1.label ? 1 : 0) }
    }
}
