import BackpropEngine
import Pictures
import Rendering

/// σ(z), σ(5z) and step(z) side by side: as a Unicode sketch for the terminal and as
/// a `LinePlot` for an SVG or PNG file. The steeper σ(c·z) hugs the step more closely
/// the larger c is, except at z = 0 where it is always ½.
public enum StepSigmoidSketch {
    /// The steeper sigmoid drawn next to σ(z).
    public static let steepScale = 5.0
    /// The sketch covers z ∈ [−range, range].
    public static let range = 6.0

    /// The sketch: `columns` (odd, so z = 0 is a column) by `rows` characters, y from 1
    /// (top) to 0 (bottom). σ(z) is drawn with "•", σ(5z) with "∘", the step with "─"/"│".
    public static func lines(columns: Int = 61, rows: Int = 11) -> [String] {
        let mid = columns / 2
        var grid = Array(repeating: Array(repeating: Character(" "), count: 2 * mid + 1), count: rows)
        func row(_ y: Double) -> Int { Int(((1 - y) * Double(rows - 1)).rounded()) }
        for col in 0...(2 * mid) {
            let z = Double(col - mid) * range / Double(mid)
            if col == mid {
                for r in 0..<rows { grid[r][col] = "│" }
            } else {
                grid[row(step(z))][col] = "─"
            }
            grid[row(sigmoid(steepScale * z))][col] = "∘"
            grid[row(sigmoid(z))][col] = "•"
        }
        let labels = (0..<rows).map { r in
            r == 0 ? "  1 ┤" : r == rows - 1 ? "  0 ┤" : r == (rows - 1) / 2 ? "0.5 ┤" : "    │"
        }
        var lines = zip(labels, grid).map { label, row in
            var line = label + String(row)
            while line.last == " " { line.removeLast() }
            return line
        }
        lines.append("    └" + String(repeating: "─", count: 2 * mid + 1))
        let left = "z = −\(NumberText.plain(range))"
        let right = NumberText.plain(range)
        let centre = String(repeating: " ", count: max(1, mid - displayWidth(left))) + "0"
        let gap = String(repeating: " ", count: max(1, 2 * mid - mid - displayWidth(right) + 1))
        lines.append("     " + left + centre + gap + right)
        lines.append("     • σ(z)   ∘ σ(\(NumberText.plain(steepScale))z)   ─│ step(z)")
        return lines
    }

    /// The same three curves as a line plot over [−range, range].
    public static func plot() -> LinePlot {
        var plot = LinePlot(title: "σ(z), σ(\(NumberText.plain(steepScale))z) and the perceptron's step", xLabel: "z", yLabel: "output")
        let zs = (0...240).map { -range + Double($0) * range / 120 }
        plot.add("σ(z)", zs.map { (x: $0, y: sigmoid($0)) })
        plot.add("σ(\(NumberText.plain(steepScale))z)", zs.map { (x: $0, y: sigmoid(steepScale * $0)) })
        plot.add("step(z)", [(x: -range, y: 0), (x: 0, y: 0), (x: 0, y: 1), (x: range, y: 1)])
        return plot
    }
}
