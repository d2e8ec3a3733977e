import BackpropEngine
import Foundation
import GradientChecking
import Rendering

/// The text `gradcheck` prints around the report, and the autodiff oracle's wiring.
enum GradCheckOutput {
    /// What is being checked, before the report.
    static func header(network: Network, model: String?, batch: Int, density: Double,
                       lambda: Double, options: CheckOptions, bug: BackpropBug?, mystery: Int?) -> String {
        let sizes = network.sizes.map(String.init).joined(separator: ",")
        let source = model.map { "from \($0)" } ?? "random N(0, 1) weights and biases"
        let mode: String = switch options.mode {
        case .full: "full (every one of the \(network.parameterCount) weights and biases)"
        case .sample(let count): "sample (\(count) random entries per layer and kind)"
        case .directional(let count): "directional (\(count) random unit directions per layer and kind)"
        }
        var lines = [
            "network: [\(sizes)], \(source); \(network.cost.rawValue) cost, λ = \(lambda)",
            "mini-batch: \(batch) synthetic example\(batch == 1 ? "" : "s") (inputs uniform in [0, 1), density \(density))",
            "mode: \(mode), ε = \(scientific(options.epsilon))",
        ]
        if let mystery {
            lines.append("gradient under test: backprop with mystery bug \(mystery) — which equation is wrong?")
        } else if let bug { lines.append("gradient under test: backprop with bug '\(bug.rawValue)': \(bug.summary)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The answer to a `--mystery` exercise: a prompt without `--guess`, otherwise
    /// whether the guess names the equation the bug breaks (revealing it only then).
    static func exerciseFeedback(bug: BackpropBug, guess: Culprit?, report: GradientCheckReport) -> String {
        guard let guess else {
            return "Which equation is wrong? Answer with --guess BP1, BP2, BP3, BP4 or mean."
        }
        guard guess == bug.expectedCulprit else {
            return "--guess \(guess.rawValue): not this one. Look again at which layers and which kinds (w, b) fail, and try another guess."
        }
        var lines = ["--guess \(guess.rawValue): right. The bug was '\(bug.rawValue)': \(bug.summary)."]
        if let diagnosis = report.diagnosis {
            lines.append("gradcheck's diagnosis: first disagreeing layer \(diagnosis.layer), \(diagnosis.culprit.equation)")
            lines.append("why: \(diagnosis.reason)")
        }
        return lines.joined(separator: "\n")
    }

    /// The bug zoo for `--list-bugs`.
    static func bugList() -> String {
        var table = TextTable(header: ["--bug", "equation", "what is wrong"])
        for bug in BackpropBug.allCases {
            table.append([bug.rawValue, bug.expectedCulprit.rawValue, bug.summary])
        }
        var lines = [table.render(), ""]
        for bug in BackpropBug.allCases { lines.append("\(bug.rawValue): \(bug.explanation)") }
        lines.append("")
        lines.append("Try one: swift run gradcheck --bug wrong-activation — the report names the layer and the equation.")
        return lines.joined(separator: "\n")
    }
}
