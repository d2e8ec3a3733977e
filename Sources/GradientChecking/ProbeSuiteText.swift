import BackpropEngine
import Localization
import Rendering

extension ProbeSuiteReport {
    /// The report for people: one row per probe, then the first failing probe's
    /// layer-by-layer comparison with its diagnosis, what was not checked, the verdict.
    /// In `language`; the probe names, sizes, numbers and equations are the same in both.
    /// `reason` renders a program's reason for declining a probe (in Chinese, the known
    /// reasons of gradcheck's own Python adapter; a program's own words stay as they came).
    public func text(language: Language = .english, reason: (String) -> String = { $0 }) -> String {
        let header = language.text("probe|network|cost|asks|m|what it exposes|max rel. err.|verdict",
                                   "探针|网络|代价函数|调用|m|检验什么|最大相对误差|结论")
        var table = TextTable(header: header.components(separatedBy: "|"))
        for outcome in outcomes {
            let p = outcome.probe
            table.append([p.name, "[" + p.network.sizes.map(String.init).joined(separator: ",") + "]", p.network.cost.rawValue,
                          p.kind.name, String(p.batchSize), p.purpose(language),
                          outcome.report.map { scientific($0.maxRelativeError) } ?? "", outcome.verdict.short(language)])
        }
        var lines = [table.render(), ""]
        if let failure = firstFailure {
            let probe = failure.probe
            lines.append(language.text(
                "first failing probe: \(probe.name) (\(probe.purpose)), asked \(probe.kind.name) with m = \(probe.batchSize)",
                "第一个不通过的探针：\(probe.name)（\(probe.purpose(language))），调用 \(probe.kind.name)，m = \(probe.batchSize)"))
            switch failure.verdict {
            case .wrongGradient:
                if let report = failure.report { lines.append(report.text(subject: language.text("yours", "你的梯度"), language: language)) }
            case .declined(let why):
                lines.append(language.text("declined: ", "被拒绝：") + reason(why))
            default:
                lines.append(failure.verdict.sentence(language))
            }
            lines.append("")
        }
        if let stopped {
            lines.append(language.text("stopped early: ", "提前停止：") + stopped)
        }
        for outcome in declined {
            if case .declined(let why) = outcome.verdict {
                let probe = outcome.probe
                lines.append(language.text("not checked: \(probe.name) (\(probe.purpose)): declined: \(why)",
                                           "未检验：\(probe.name)（\(probe.purpose(language))）：被拒绝：\(reason(why))"))
            }
        }
        if passed {
            lines.append(language.text(
                "PASS: \(subject) agrees with finite differences on all \(checked) probes (\(declined.count) declined)",
                "通过：\(subject) 在全部 \(checked) 个探针上与有限差分一致（\(declined.count) 个被拒绝）"))
        } else if let failure = firstFailure {
            let headline = failure.verdict.headline(layers: failure.probe.network.numLayers, language: language)
            lines.append(language.text("FAIL: \(subject) is wrong at probe \(failure.probe.name): ",
                                       "不通过：\(subject) 在探针 \(failure.probe.name) 处出错：") + headline)
        } else {
            lines.append(language.text("NO VERDICT: every probe was declined", "没有结论：每个探针都被拒绝了"))
        }
        let count = outcomes.count
        lines.append(language.text(
            String(format: "time: %.3f s for %d probe%@, everything included", seconds, count, count == 1 ? "" : "s"),
            String(format: "用时：%.3f 秒，共 %d 个探针，全部计入", seconds, count)))
        return lines.joined(separator: "\n")
    }
}

extension ProbeOutcome.Verdict {
    /// The table's verdict column.
    func short(_ language: Language = .english) -> String {
        switch self {
        case .passed: language.text("ok", "正确")
        case .wrongGradient(let d):
            language.text("WRONG", "错误") + (d.map { language.text(" (\($0.culprit.rawValue), layer \($0.layer))",
                                                                   "（\($0.culprit.rawValue)，第 \($0.layer) 层）") } ?? "")
        case .wrongShape: language.text("WRONG SHAPE", "形状错误")
        case .notFinite: "NaN/∞"
        case .differsOnRepeat: language.text("DIFFERS ON REPEAT", "重复调用结果不同")
        case .declined: language.text("declined", "被拒绝")
        }
    }

    /// One sentence on what is wrong.
    public var sentence: String { sentence(.english) }

    /// One sentence on what is wrong, in `language` (the program's own messages, such
    /// as a reason for declining, are quoted as they came).
    public func sentence(_ language: Language) -> String {
        switch self {
        case .passed: language.text("agrees with finite differences", "与有限差分一致")
        case .wrongGradient(let d):
            d.map { language.text("layer \($0.layer): ", "第 \($0.layer) 层：") + $0.culprit.equation(language)
                + language.text("\nwhy: ", "\n原因：") + $0.reason(language) }
                ?? language.text("the values disagree with finite differences", "数值与有限差分不一致")
        case .wrongShape(let m): language.text("wrong shape: ", "形状错误：") + m.description(language)
        case .notFinite(let what): language.text("not a number: ", "不是有限数：") + language.text(what, Self.chineseNonFinite(what))
        case .differsOnRepeat(let r):
            language.text(
                "two identical requests got different answers (largest relative difference \(scientific(r))): state kept between calls, such as a nabla accumulated across calls and never reset, or randomness",
                "两次相同的请求得到了不同的回答（最大相对差 \(scientific(r))）：调用之间保留了状态，例如 nabla 在多次调用间累加却从未清零，或者用了随机数")
        case .declined(let reason): language.text("declined: ", "被拒绝：") + reason
        }
    }

    /// `ProbeOutcome.nonFinite`'s sentence in Chinese: "nabla_b[0] (layer 2) has 1
    /// entry that is NaN or ±∞" is nabla_b[0]（第 2 层）有 1 个分量是 NaN 或 ±∞.
    static func chineseNonFinite(_ what: String) -> String {
        guard let m = what.wholeMatch(of: /(\S+) \(layer ([0-9]+)\) has ([0-9]+) entr(?:y that is|ies that are) NaN or ±∞/) else { return what }
        return "\(m.output.1)（第 \(m.output.2) 层）有 \(m.output.3) 个分量是 NaN 或 ±∞"
    }

    /// The verdict line's reason.
    func headline(layers: Int, language: Language = .english) -> String {
        switch self {
        case .wrongGradient(let d?): language.text("layer \(d.layer), ", "第 \(d.layer) 层，") + d.culprit.equation(language)
        default: sentence(language).split(separator: "\n").first.map(String.init) ?? ""
        }
    }
}
