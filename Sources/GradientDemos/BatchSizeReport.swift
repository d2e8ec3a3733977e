import Foundation
import Localization
import Pictures
import Rendering

/// The table and the picture `gradient-descent batches` prints.
public enum BatchSizeReport {
    /// One row per mini-batch size: updates per epoch, accuracy after each epoch and the
    /// final training cost. (Times go on their own line, `timeLine`, so that the table's
    /// layout does not depend on them.)
    public static func table(_ runs: [BatchSizeComparison.Run], testCount: Int, language: Language = .english) -> String {
        let epochs = runs.map(\.correctAfterEpoch.count).max() ?? 0
        var table = TextTable(header: [language.text("mini-batch m", "小批量大小 m"), language.text("updates/epoch", "每迭代期更新数")]
                                  + (1...max(1, epochs)).map { language.text("epoch \($0)", "迭代期 \($0)") }
                                  + [language.text("final cost", "最终代价")])
        for run in runs {
            let accuracy = run.correctAfterEpoch.map { percent($0, of: testCount) }
            table.append([String(run.miniBatchSize), String(run.updatesPerEpoch)] + accuracy
                         + [String(format: "%.5f", run.finalCost)])
        }
        return table.render()
    }

    /// The training time of each run, e.g. `training time: m = 1 0.74 s, m = 10 0.62 s`.
    public static func timeLine(_ runs: [BatchSizeComparison.Run], language: Language = .english) -> String {
        language.text("training time: ", "训练用时：")
            + runs.map { "m = \($0.miniBatchSize) " + String(format: language.text("%.2f s", "%.2f 秒"), $0.seconds) }
                .joined(separator: language.text(", ", "，"))
    }

    /// Test accuracy against epoch, one line per mini-batch size.
    public static func plot(_ runs: [BatchSizeComparison.Run], testCount: Int, eta: Double) -> LinePlot {
        var plot = LinePlot(title: "Mini-batch size: same η = \(String(format: "%g", eta)), same epochs",
                            xLabel: "epoch", yLabel: "test accuracy (%)")
        for run in runs {
            let points = run.correctAfterEpoch.enumerated().map { (x: Double($0.offset + 1), y: 100 * Double($0.element) / Double(max(testCount, 1))) }
            plot.add("m = \(run.miniBatchSize)", points)
        }
        return plot
    }

    static func percent(_ correct: Int, of total: Int) -> String {
        String(format: "%.1f%%", 100 * Double(correct) / Double(max(total, 1)))
    }
}
