import BackpropEngine
import Foundation
import Localization
import Rendering

extension GradientCheckReport {
    /// The report for people: a table with a row per layer and kind: how many entries
    /// were checked and fail, the largest relative error against each oracle, and the
    /// worst entry (against the first oracle) side by side in backprop and every oracle;
    /// then the verdict, the diagnosis and the timings.
    /// With `diagnose: false` the verdict is printed without the layer and equation
    /// (for the exercises of lesson 7).
    public func text(subject: String? = nil, diagnose: Bool = true, language: Language = .english) -> String {
        let subject = subject ?? language.text("backprop", "反向传播")
        var lines: [String] = []
        let oracleNames = oracleNames(language)
        let header = [language.text("layer", "层"), language.text("kind", "类型"), language.text("checked", "检验数"),
                      language.text("failing", "失败数")]
            + oracles.map { language.text("rel. err. ", "相对误差 ") + ($0 == .finiteDifferences ? "fd" : "autodiff") }
            + [language.text("worst", "最差项"), subject] + oracles.map { $0.shortName(language) } + [language.text("verdict", "结论")]
        var table = TextTable(header: header)
        for result in blocks {
            let w = result.primary?.worst ?? 0
            var row = [String(result.block.layer), result.block.kind.rawValue, String(result.tested.count), String(result.failing)]
            row += result.comparisons.map { scientific($0.maxRelativeError) }
            row += result.tested.isEmpty ? ["", ""] : [result.probeLabels[w], value(result.tested[w])]
            for oracle in oracles {
                let values = oracle == .finiteDifferences ? result.finiteDifferences : result.autodiff
                row.append(values.map { $0.indices.contains(w) ? value($0[w]) : "" } ?? "")
            }
            row.append(result.passed ? language.text("ok", "正确") : language.text("WRONG", "错误"))
            table.append(row)
        }
        lines.append(table.render())
        lines.append("")
        let floor = scientific(options.relativeErrorFloor), rtol = scientific(options.rtol)
        lines.append(language.text(
            "max relative error: \(scientific(maxRelativeError)) (|a − n| / max(|a|, |n|, atol/rtol = \(floor)); an entry fails above rtol = \(rtol))",
            "最大相对误差：\(scientific(maxRelativeError))（|a − n| / max(|a|, |n|, atol/rtol = \(floor))；相对误差超过 rtol = \(rtol) 的项判为不通过）"))
        let noun = probeNoun(language)
        if passed {
            lines.append(language.text("PASS: \(subject) agrees with \(oracleNames) on all \(checked) \(noun)",
                                       "通过：\(subject)与\(oracleNames)在全部 \(checked) 个\(noun)上一致"))
        } else {
            lines.append(language.text("FAIL: \(failing) of \(checked) \(noun) disagree",
                                       "不通过：有 \(failing) 个\(noun)不一致（共检验 \(checked) 个）"))
            if diagnose, let diagnosis {
                lines.append(language.text(
                    "first disagreeing layer: \(diagnosis.layer) (backprop runs from layer L = \(sizes.count) down to 2)",
                    "第一个不一致的层：\(diagnosis.layer)（反向传播从第 L = \(sizes.count) 层一直算到第 2 层）"))
                lines.append(language.text("likely culprit: ", "最可能出错的方程：") + diagnosis.culprit.equation(language))
                lines.append(language.text("why: ", "原因：") + diagnosis.reason(language))
            }
        }
        var time = language.text("time: \(subject) ", "用时：\(subject) ") + formatSeconds(timings.gradient, language)
        if oracles.contains(.finiteDifferences) {
            time += language.text(", finite differences ", "，有限差分 ") + formatSeconds(timings.finiteDifferences, language)
        }
        if oracles.contains(.autodiff) { time += language.text(", autodiff ", "，自动微分 ") + formatSeconds(timings.autodiff, language) }
        lines.append(time + language.text(", total ", "，合计 ") + formatSeconds(timings.total, language))
        return lines.joined(separator: "\n")
    }

    private func probeNoun(_ language: Language) -> String {
        if case .directional = options.mode { return language.text("directions", "方向") }
        return language.text("entries", "分量")
    }
}

extension GradientCheckReport {
    /// The oracles compared, in prose: "finite differences and autodiff" (有限差分和自动微分).
    public func oracleNames(_ language: Language = .english) -> String {
        oracles.map { $0.name(language) }.joined(separator: language.text(" and ", "和"))
    }
}

extension Oracle {
    /// The column heading for this oracle's values.
    func shortName(_ language: Language = .english) -> String {
        switch self {
        case .finiteDifferences: language.text("finite diff.", "有限差分")
        case .autodiff: language.text("autodiff", "自动微分")
        }
    }

    /// The oracle's name in prose: "finite differences" (有限差分), "autodiff" (自动微分).
    func name(_ language: Language) -> String {
        language.text(rawValue, shortName(language))
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

/// Seconds with three decimals, e.g. `0.042 s` (`0.042 秒`).
func formatSeconds(_ s: Double, _ language: Language = .english) -> String {
    String(format: "%.3f ", s) + language.text("s", "秒")
}
