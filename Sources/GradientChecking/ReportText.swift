import BackpropEngine
import Foundation
import Rendering

extension GradientCheckReport {
    /// The report for people: a table with a row per layer and kind: how many entries
    /// were checked and fail, the largest relative error against each oracle, and the
    /// worst entry (against the first oracle) side by side in backprop and every oracle;
    /// then the verdict, the diagnosis and the timings.
    /// With `diagnose: false` the verdict is printed without the layer and equation
    /// (for the exercises of lesson 7).
    public func text(subject: String = "backprop", diagnose: Bool = true) -> String {
        var lines: [String] = []
        let oracleNames = oracles.map(\.rawValue).joined(separator: " and ")
        var table = TextTable(header: ["layer", "kind", "checked", "failing"]
            + oracles.map { "rel. err. \($0 == .finiteDifferences ? "fd" : "autodiff")" } + ["worst", subject] + oracles.map(\.shortName) + ["verdict"])
        for result in blocks {
            let w = result.primary?.worst ?? 0
            var row = [String(result.block.layer), result.block.kind.rawValue, String(result.tested.count), String(result.failing)]
            row += result.comparisons.map { scientific($0.maxRelativeError) }
            row += result.tested.isEmpty ? ["", ""] : [result.probeLabels[w], value(result.tested[w])]
            for oracle in oracles {
                let values = oracle == .finiteDifferences ? result.finiteDifferences : result.autodiff
                row.append(values.map { $0.indices.contains(w) ? value($0[w]) : "" } ?? "")
            }
            row.append(result.passed ? "ok" : "WRONG")
            table.append(row)
        }
        lines.append(table.render())
        lines.append("")
        lines.append("max relative error: \(scientific(maxRelativeError)) (|a − n| / max(|a|, |n|, atol/rtol = \(scientific(options.relativeErrorFloor))); an entry fails above rtol = \(scientific(options.rtol)))")
        if passed {
            lines.append("PASS: \(subject) agrees with \(oracleNames) on all \(checked) \(probeNoun)")
        } else {
            lines.append("FAIL: \(failing) of \(checked) \(probeNoun) disagree")
            if diagnose, let diagnosis {
                lines.append("first disagreeing layer: \(diagnosis.layer) (backprop runs from layer L = \(sizes.count) down to 2)")
                lines.append("likely culprit: \(diagnosis.culprit.equation)")
                lines.append("why: \(diagnosis.reason)")
            }
        }
        var time = "time: \(subject) \(formatSeconds(timings.gradient))"
        if oracles.contains(.finiteDifferences) { time += ", finite differences \(formatSeconds(timings.finiteDifferences))" }
        if oracles.contains(.autodiff) { time += ", autodiff \(formatSeconds(timings.autodiff))" }
        lines.append(time + ", total \(formatSeconds(timings.total))")
        return lines.joined(separator: "\n")
    }

    private var probeNoun: String {
        if case .directional = options.mode { return "directions" }
        return "entries"
    }
}

extension Oracle {
    /// The column heading for this oracle's values.
    var shortName: String {
        switch self {
        case .finiteDifferences: "finite diff."
        case .autodiff: "autodiff"
        }
    }
}

/// A number in scientific notation with two decimals, e.g. `3.41e-10`.
public func scientific(_ x: Double) -> String {
    x.isFinite ? String(format: "%.2e", x) : "\(x)"
}

/// A gradient value with seven significant digits, e.g. `-1.234568e-02`.
func value(_ x: Double) -> String {
    x.isFinite ? String(format: "%.6e", x) : "\(x)"
}

/// Seconds with three decimals, e.g. `0.042 s`.
func formatSeconds(_ s: Double) -> String {
    String(format: "%.3f s", s)
}
