import BackpropEngine
import Foundation
import Localization
import Pictures
import Rendering

/// The tables and the picture `gradient-descent bowl` prints.
public enum BowlReport {
    /// ΔC against ∇C·Δv for shrinking steps.
    public static func linearCheckTable(_ checks: [BowlDescent.LinearCheck], language: Language = .english) -> String {
        var table = TextTable(header: ["|Δv|", "ΔC = C(v+Δv) − C(v)", "∇C·Δv", language.text("|difference|", "|差值|")])
        for check in checks {
            table.append([format(check.stepLength, "%g"), format(check.actualChange, "%.8f"),
                          format(check.predictedChange, "%.8f"), format(check.error, "%.2e")])
        }
        return table.render()
    }

    /// One step Δv = −η∇C for each η: predicted change −η‖∇C‖² against the actual one.
    public static func learningRateTable(_ bowl: Bowl, at v: Vector, etas: [Double], language: Language = .english) -> String {
        let grad = bowl.gradient(v)
        var table = TextTable(header: ["η", "−η‖∇C‖²", language.text("actual ΔC", "实际的 ΔC"), language.text("cost went", "代价走向")])
        for eta in etas {
            let actual = bowl.cost(v - eta * grad) - bowl.cost(v)
            table.append([format(eta, "%g"), format(-eta * grad.squaredNorm, "%.4f"), format(actual, "%.4f"),
                          actual < 0 ? language.text("down", "下降") : language.text("UP", "上升！")])
        }
        return table.render()
    }

    /// The descent path: step, v₁, v₂, C(v), ‖∇C‖.
    public static func pathTable(_ steps: [BowlDescent.Step], language: Language = .english) -> String {
        var table = TextTable(header: [language.text("step", "步"), "v₁", "v₂", "C(v)", "‖∇C‖"])
        for step in steps {
            table.append([String(step.index), format(step.v[0], "%.5f"), format(step.v[1], "%.5f"),
                          format(step.cost, "%.6f"), format(step.gradientNorm, "%.5f")])
        }
        return table.render()
    }

    /// The path drawn over level curves of the bowl.
    public static func plot(_ bowl: Bowl, path: [BowlDescent.Step], eta: Double) -> LinePlot {
        var plot = LinePlot(title: "Gradient descent on \(bowl.formula), η = \(format(eta, "%g"))", xLabel: "v₁", yLabel: "v₂")
        plot.add("path", path.filter { $0.v.elements.allSatisfy(\.isFinite) }.map { ($0.v[0], $0.v[1]) })
        let top = path.first?.cost ?? 1
        for fraction in [1.0, 0.5, 0.2, 0.05] where top > 0 && top.isFinite {
            plot.add("C = " + format(top * fraction, "%.3g"), bowl.levelCurve(top * fraction))
        }
        return plot
    }

    /// `value` formatted with the printf `spec`, without the sign of a negative zero
    /// (`-0.00000` prints as `0.00000`).
    static func format(_ value: Double, _ spec: String) -> String {
        let text = String(format: spec, value)
        let isZero = text.allSatisfy { "-0.".contains($0) }
        return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
    }
}
