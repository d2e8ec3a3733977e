import BackpropEngine
import Rendering

extension ProbeSuiteReport {
    /// The report for people: one row per probe, then the first failing probe's
    /// layer-by-layer comparison with its diagnosis, what was not checked, the verdict.
    public func text() -> String {
        var table = TextTable(header: ["probe", "network", "cost", "asks", "m", "what it exposes", "max rel. err.", "verdict"])
        for outcome in outcomes {
            let p = outcome.probe
            table.append([p.name, "[" + p.network.sizes.map(String.init).joined(separator: ",") + "]", p.network.cost.rawValue,
                          p.kind.name, String(p.batchSize), p.purpose,
                          outcome.report.map { scientific($0.maxRelativeError) } ?? "", outcome.verdict.short])
        }
        var lines = [table.render(), ""]
        if let failure = firstFailure {
            lines.append("first failing probe: \(failure.probe.name) (\(failure.probe.purpose)), asked \(failure.probe.kind.name) with m = \(failure.probe.batchSize)")
            switch failure.verdict {
            case .wrongGradient:
                if let report = failure.report { lines.append(report.text(subject: "yours")) }
            default:
                lines.append(failure.verdict.sentence)
            }
            lines.append("")
        }
        if let stopped {
            lines.append("stopped early: \(stopped)")
        }
        for outcome in declined {
            if case .declined(let reason) = outcome.verdict {
                lines.append("not checked: \(outcome.probe.name) (\(outcome.probe.purpose)): declined: \(reason)")
            }
        }
        if passed {
            lines.append("PASS: \(subject) agrees with finite differences on all \(checked) probes (\(declined.count) declined)")
        } else if let failure = firstFailure {
            lines.append("FAIL: \(subject) is wrong at probe \(failure.probe.name): \(failure.verdict.headline(layers: failure.probe.network.numLayers))")
        } else {
            lines.append("NO VERDICT: every probe was declined")
        }
        lines.append(String(format: "time: %.3f s for %d probe%@, everything included", seconds, outcomes.count, outcomes.count == 1 ? "" : "s"))
        return lines.joined(separator: "\n")
    }
}

extension ProbeOutcome.Verdict {
    /// The table's verdict column.
    var short: String {
        switch self {
        case .passed: "ok"
        case .wrongGradient(let d): "WRONG" + (d.map { " (\($0.culprit.rawValue), layer \($0.layer))" } ?? "")
        case .wrongShape: "WRONG SHAPE"
        case .notFinite: "NaN/∞"
        case .differsOnRepeat: "DIFFERS ON REPEAT"
        case .declined: "declined"
        }
    }

    /// One sentence on what is wrong.
    public var sentence: String {
        switch self {
        case .passed: "agrees with finite differences"
        case .wrongGradient(let d):
            d.map { "layer \($0.layer): \($0.culprit.equation)\nwhy: \($0.reason)" } ?? "the values disagree with finite differences"
        case .wrongShape(let m): "wrong shape: \(m)"
        case .notFinite(let what): "not a number: \(what)"
        case .differsOnRepeat(let r):
            "two identical requests got different answers (largest relative difference \(scientific(r))): state kept between calls, such as a nabla accumulated across calls and never reset, or randomness"
        case .declined(let reason): "declined: \(reason)"
        }
    }

    /// The verdict line's reason.
    func headline(layers: Int) -> String {
        switch self {
        case .wrongGradient(let d?): "layer \(d.layer), \(d.culprit.equation)"
        default: sentence.split(separator: "\n").first.map(String.init) ?? ""
        }
    }
}
