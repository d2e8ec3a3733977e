import BackpropEngine
import Foundation
import Localization
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
        data: DigitSplits, seed: UInt64, format: OutputFormat, language: Language = .english,
        print: (String) -> Void = { Swift.print($0) }
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
            let lang = language
            print(lang.text("seed: \(seed)", "随机种子：\(seed)"))
            print(lang.text("average darkness (sum of the 784 pixel intensities) of each digit in the \(training.count) training images",
                            "每个数字的平均暗度（784 个像素强度之和），取自 \(training.count) 张训练图像"))
            var darkness = TextTable(header: [lang.text("digit", "数字"), lang.text("darkness", "暗度")], alignments: [.right, .right])
            for (digit, value) in averages.enumerated() {
                darkness.append([String(digit), String(format: "%.2f", value)])
            }
            print(darkness.render())
            print("")
            print(lang.text("baselines on the \(report.total) test images", "在 \(report.total) 张测试图像上的基线"))
            var table = TextTable(header: lang.text("classifier|correct|accuracy", "分类器|正确数|准确率").components(separatedBy: "|"),
                                  alignments: [.left, .right, .right])
            for (name, correct) in [(lang.text("random guessing", "随机猜测"), report.randomCorrect),
                                    (lang.text("average darkness", "平均暗度"), report.darknessCorrect)] {
                let percent = report.total > 0 ? 100 * Double(correct) / Double(report.total) : 0
                table.append([name, "\(correct) / \(report.total)", String(format: "%.2f%%", percent)])
            }
            print(table.render())
        }
        return report
    }
}
