import BackpropEngine
import Foundation
import Rendering

/// `mnist baselines`: random guessing and the average-darkness classifier on the test set.
public enum BaselineSession {
    /// The machine-readable result.
    public struct Report: Codable, Equatable, Sendable {
        public var seed: UInt64
        public var total: Int
        public var randomCorrect: Int
        public var darknessCorrect: Int
        /// Average darkness (sum of pixel intensities) of each digit in the training set.
        public var averageDarkness: [Double]
    }

    /// Computes both baselines (training on the 50,000 training images) and prints them.
    @discardableResult
    public static func run(
        data: DigitSplits, seed: UInt64, format: OutputFormat, print: (String) -> Void = { Swift.print($0) }
    ) throws -> Report {
        var generator = SeededGenerator(seed: seed)
        let training = data.labeledTraining
        let averages = Baselines.averageDarkness(training)
        let report = Report(
            seed: seed, total: data.test.count,
            randomCorrect: Baselines.randomGuessing(data.test, generator: &generator),
            darknessCorrect: Baselines.averageDarknessCorrect(training: training, test: data.test),
            averageDarkness: averages
        )
        switch format {
        case .json:
            print(try OutputFormat.json(report))
        case .text:
            print("seed: \(seed)")
            print("average darkness (sum of the 784 pixel intensities) of each digit in the \(training.count) training images")
            var darkness = TextTable(header: ["digit", "darkness"], alignments: [.right, .right])
            for (digit, value) in averages.enumerated() {
                darkness.append([String(digit), String(format: "%.2f", value)])
            }
            print(darkness.render())
            print("")
            print("baselines on the \(report.total) test images")
            var table = TextTable(header: ["classifier", "correct", "accuracy"], alignments: [.left, .right, .right])
            for (name, correct) in [("random guessing", report.randomCorrect), ("average darkness", report.darknessCorrect)] {
                let percent = report.total > 0 ? 100 * Double(correct) / Double(report.total) : 0
                table.append([name, "\(correct) / \(report.total)", String(format: "%.2f%%", percent)])
            }
            print(table.render())
        }
        return report
    }
}
