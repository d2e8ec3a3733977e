import Foundation
import Localization
import Pictures
import Rendering

/// The table, summary and picture `deep-gradients` prints.
public enum LayerGradientReport {
    /// The book's layer names for a network of `layerCount` layers: l = 2 … L.
    public static func layerNames(layerCount: Int, language: Language = .english) -> [String] {
        (2..<(max(2, layerCount) + 1)).map { l in
            l == layerCount ? language.text("l=\(l) output", "l=\(l) 输出层") : language.text("l=\(l) hidden \(l - 1)", "l=\(l) 隐藏层 \(l - 1)")
        }
    }

    /// One row per measurement: epoch, ‖∂C/∂bˡ‖ for each layer, test accuracy.
    public static func table(_ points: [LayerGradientTrace.Point], layerCount: Int, testCount: Int, language: Language = .english) -> String {
        var table = TextTable(header: [language.text("epoch", "迭代期")] + layerNames(layerCount: layerCount, language: language)
                                  + [language.text("accuracy", "准确率")])
        for point in points {
            table.append([String(point.epoch)] + point.norms.map { String(format: "%.6f", $0) }
                         + [BatchSizeReport.percent(point.correct, of: testCount)])
        }
        return table.render()
    }

    /// How many times faster the last hidden layer learns than the first, per measurement
    /// (`nil` without at least two hidden layers).
    public static func ratios(_ points: [LayerGradientTrace.Point]) -> [Double]? {
        guard let first = points.first, first.norms.count >= 3 else { return nil }
        return points.map { point in
            let lastHidden = point.norms[point.norms.count - 2]
            return point.norms[0] > 0 ? lastHidden / point.norms[0] : .infinity
        }
    }

    /// log₁₀ ‖∂C/∂bˡ‖ against epoch, one line per layer: the layers differ by orders of
    /// magnitude, so a linear axis would flatten the early ones onto zero.
    public static func plot(_ points: [LayerGradientTrace.Point], layerCount: Int, sizes: [Int]) -> LinePlot {
        var plot = LinePlot(title: "Speed of learning per layer, [\(sizes.map(String.init).joined(separator: ","))]",
                            xLabel: "epoch", yLabel: "log₁₀ ‖∂C/∂bˡ‖")
        for (index, name) in layerNames(layerCount: layerCount).enumerated() {
            plot.add(name, points.map { (Double($0.epoch), index < $0.norms.count ? log10($0.norms[index]) : .nan) })
        }
        return plot
    }
}
