import BackpropEngine
import Foundation
import Rendering

extension GradientCheckReport {
    /// The report for people: one table per oracle with a row per layer and kind, the
    /// worst entry side by side in every oracle, the verdict, the diagnosis, the timings.
    public func text(subject: String = "backprop") -> String {
        var lines: [String] = []
        let oracleNames = oracles.map(\.rawValue).joined(separator: " and ")
        for comparison in oracles {
            lines.append("\(subject) vs \(comparison.rawValue)")
            var table = TextTable(header: ["layer", "kind", "checked", "failing", "max abs. error", "max rel. error",
                                           "worst", subject] + oracles.map(\.shortName) + ["verdict"])
            for result in blocks {
                guard let c = result.comparisons.first(where: { $0.oracle == comparison }) else { continue }
                let w = c.worst
                var row = [String(result.block.layer), result.block.kind.rawValue, String(result.tested.count),
                           String(c.failing), scientific(c.maxAbsoluteError), scientific(c.maxRelativeError)]
                row += result.tested.isEmpty ? ["", ""] : [result.probeLabels[w], value(result.tested[w])]
                for oracle in oracles {
                    let values = oracle == .finiteDifferences ? result.finiteDifferences : result.autodiff
                    row.append(values.map { $0.indices.contains(w) ? value($0[w]) : "" } ?? "")
                }
                row.append(c.failing == 0 ? "ok" : "WRONG")
                table.append(row)
            }
            lines.append(table.render())
            lines.append("")
        }
        lines.append("max relative error: \(scientific(maxRelativeError)) (fails where rel. error > \(scientific(options.rtol)) and abs. error > \(scientific(options.atol)))")
        if passed {
            lines.append("PASS: \(subject) agrees with \(oracleNames) on all \(checked) \(probeNoun)")
        } else {
            lines.append("FAIL: \(failing) of \(checked) \(probeNoun) disagree")
            if let diagnosis {
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
