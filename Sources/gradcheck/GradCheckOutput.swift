import BackpropEngine
import Foundation
import GradientChecking
import Localization
import Rendering

/// The text `gradcheck` prints around the report, and the autodiff oracle's wiring.
enum GradCheckOutput {
    /// What is being checked, before the report, in `language`.
    static func header(network: Network, model: String?, batch: Int, density: Double, lambda: Double,
                       options: CheckOptions, bug: BackpropBug?, mystery: Int?, language: Language = .english) -> String {
        let sizes = network.sizes.map(String.init).joined(separator: ",")
        let source = model.map { language.text("from \($0)", "来自 \($0)") }
            ?? language.text("random N(0, 1) weights and biases", "随机的 N(0, 1) 权重和偏置")
        let count = network.parameterCount
        let mode: String = switch options.mode {
        case .full: language.text("full (every one of the \(count) weights and biases)", "full（全部 \(count) 个权重和偏置）")
        case .sample(let k): language.text("sample (\(k) random entries per layer and kind)", "sample（每层每类随机取 \(k) 个分量）")
        case .directional(let k):
            language.text("directional (\(k) random unit directions per layer and kind)", "directional（每层每类 \(k) 个随机单位方向）")
        }
        let cost = language.phrase("\(network.cost.rawValue) cost")
        var lines = [
            language.text("network: [\(sizes)], \(source); \(cost), λ = \(lambda)", "网络：[\(sizes)]，\(source)；\(cost)，λ = \(lambda)"),
            language.text("mini-batch: \(batch) synthetic example\(batch == 1 ? "" : "s") (inputs uniform in [0, 1), density \(density))",
                          "小批量：\(batch) 个合成样本（输入在 [0, 1) 上均匀分布，密度 \(density)）"),
            language.text("mode: \(mode), ε = \(scientific(options.epsilon))", "模式：\(mode)，ε = \(scientific(options.epsilon))"),
        ]
        if let mystery {
            lines.append(language.text("gradient under test: backprop with mystery bug \(mystery) — which equation is wrong?",
                                       "被检验的梯度：带有神秘错误 \(mystery) 的反向传播——哪个方程错了？"))
        } else if let bug {
            lines.append(language.text("gradient under test: backprop with bug '\(bug.rawValue)': ",
                                       "被检验的梯度：带有错误 '\(bug.rawValue)' 的反向传播：") + bug.summary(language))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The answer to a `--mystery` exercise: a prompt without `--guess`, otherwise
    /// whether the guess names the equation the bug breaks (revealing it only then).
    static func exerciseFeedback(bug: BackpropBug, guess: Culprit?, report: GradientCheckReport,
                                 language: Language = .english) -> String {
        guard let guess else {
            return language.text("Which equation is wrong? Answer with --guess BP1, BP2, BP3, BP4 or mean.",
                                 "哪个方程错了？请用 --guess BP1、BP2、BP3、BP4 或 mean 回答。")
        }
        guard guess == bug.expectedCulprit else {
            return language.text(
                "--guess \(guess.rawValue): not this one. Look again at which layers and which kinds (w, b) fail, and try another guess.",
                "--guess \(guess.rawValue)：不是这个。再看看哪些层、哪一类参数（w 还是 b）不通过，然后换一个答案。")
        }
        var lines = [language.text("--guess \(guess.rawValue): right. The bug was '\(bug.rawValue)': \(bug.summary).",
                                   "--guess \(guess.rawValue)：答对了。这个错误是 '\(bug.rawValue)'：\(bug.summary(language))。")]
        if let diagnosis = report.diagnosis {
            lines.append(language.text("gradcheck's diagnosis: first disagreeing layer \(diagnosis.layer), ",
                                       "gradcheck 的诊断：第一个不一致的层是 \(diagnosis.layer)，") + diagnosis.culprit.equation(language))
            lines.append(language.text("why: ", "原因：") + diagnosis.reason(language))
        }
        return lines.joined(separator: "\n")
    }

    /// The bug zoo for `--list-bugs`.
    static func bugList(language: Language = .english) -> String {
        var table = TextTable(header: ["--bug", language.text("equation", "方程"), language.text("what is wrong", "错在哪里")])
        for bug in BackpropBug.allCases {
            table.append([bug.rawValue, bug.expectedCulprit.rawValue, bug.summary(language)])
        }
        var lines = [table.render(), ""]
        for bug in BackpropBug.allCases { lines.append("\(bug.rawValue)\(language.text(": ", "："))\(bug.explanation(language))") }
        lines.append("")
        lines.append(language.text(
            "Try one: swift run gradcheck --bug wrong-activation — the report names the layer and the equation.",
            "试一个：swift run gradcheck --bug wrong-activation——报告会指出出错的层和方程。"))
        return lines.joined(separator: "\n")
    }
}
