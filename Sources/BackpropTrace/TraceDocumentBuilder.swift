import BackpropEngine
import Localization

extension TraceDocument {
    /// The document for `trace`: opening lines, the forward pass, the backward pass
    /// (BP1–BP4), the mini-batch step if any, and the closing check, with its prose in
    /// `language` (`Language.text`: English and Chinese side by side). Formulas, symbols
    /// and numbers are the same in every language.
    public init(_ trace: TracedBackprop, language: Language = .english) {
        let t = trace.example
        let lang = language
        var sections = [
            TraceSection(title: nil, blocks: [.paragraph(Self.opening(trace, lang))]),
            Self.forward(t, lang),
            Self.backward(t, lang),
        ]
        if let batch = trace.batch { sections.append(Self.miniBatch(batch, lang)) }
        sections.append(Self.check(trace.check, lang))
        let sizes = trace.network.sizes.map(String.init).joined(separator: ", ")
        self.init(
            title: lang.text("Backpropagation step by step: one example through a [\(sizes)] sigmoid network",
                             "反向传播逐步演示：一个样本通过由 S 型神经元组成的 [\(sizes)] 神经网络"),
            sections: sections
        )
    }

    // MARK: Sections

    private static func opening(_ trace: TracedBackprop, _ lang: Language) -> [String] {
        let L = trace.layerCount
        var lines: [String]
        switch trace.source {
        case .seed(let seed):
            lines = [lang.text("seed: \(seed) (weights and biases drawn from N(0, 1), as in network.py)",
                               "随机种子：\(seed)（权重和偏置取自 N(0, 1)，与 network.py 相同）")]
        case .model(let path):
            lines = [lang.text("model: \(path)", "模型：\(path)")]
        }
        let e = trace.example.example
        let cost = trace.network.cost, formula = costFormula(trace.network.cost, L: L)
        let x = NumberFormat.list(e.x.elements), y = NumberFormat.list(e.y.elements)
        let indices = (2...L).reversed().map { "w\(Script.sup($0)) = weights[\(-(L - $0 + 1))]" }
        lines += [
            lang.text("cost: \(cost.rawValue), \(formula)", "代价函数：\(lang.phrase("\(cost.rawValue) cost"))（--cost \(cost.rawValue)），\(formula)"),
            lang.text("example: x = a¹ = \(x), y = \(y)", "样本：x = a¹ = \(x)，y = \(y)"),
            lang.text("layers: the book's l = 1…L with the input as l = 1 (here L = \(L)); wˡ, bˡ, zˡ, δˡ are the code's weights[l − 2], biases[l − 2], zs[l − 2], deltas[l − 2].",
                      "层的编号：沿用书中的 l = 1…L，输入层为 l = 1（这里 L = \(L)）；wˡ、bˡ、zˡ、δˡ 就是代码中的 weights[l − 2]、biases[l − 2]、zs[l − 2]、deltas[l − 2]。"),
            lang.text("network.py counts from the output with negative indices, wˡ = weights[−(L − l + 1)]: " + indices.joined(separator: ", ") + ".",
                      "network.py 用负下标从输出层往回数，wˡ = weights[−(L − l + 1)]：" + indices.joined(separator: "，") + "。"),
            lang.text("Numbers are rounded to 6 decimals; --format json prints them in full.",
                      "数值四舍五入到小数点后 6 位；--format json 输出完整的数值。"),
        ]
        return lines
    }

    private static func forward(_ t: ExampleTrace, _ lang: Language) -> TraceSection {
        var blocks: [TraceBlock] = []
        for l in 2...t.outputLayer {
            let (s, p) = (Script.sup(l), Script.sup(l - 1))
            blocks.append(.equation(TraceEquation(
                label: lang.text("layer \(l)", "第 \(l) 层"), formula: "z\(s) = w\(s)a\(p) + b\(s)",
                rows: [[.matrix(name: "w\(s)", value: t.w(l)), .symbol("·"), .column("a\(p)", t.a(l - 1)),
                        .symbol("+"), .column("b\(s)", t.b(l)), .symbol("="), .column("z\(s)", t.z(l))]]
            )))
            blocks.append(.equation(TraceEquation(
                label: lang.text("layer \(l)", "第 \(l) 层"), formula: "a\(s) = σ(z\(s))",
                rows: [[.symbol("σ"), .column("z\(s)", t.z(l)), .symbol("="), .column("a\(s)", t.a(l))]]
            )))
        }
        let cost = "\(costFormula(t.network.cost, L: t.outputLayer)) = \(NumberFormat.cost(t.cost))"
        blocks.append(.paragraph([lang.text("cost: \(cost)", "代价：\(cost)")]))
        return TraceSection(title: lang.text("Forward pass, l = 2…\(t.outputLayer): zˡ = wˡaˡ⁻¹ + bˡ, aˡ = σ(zˡ)",
                                             "前向过程，l = 2…\(t.outputLayer)：zˡ = wˡaˡ⁻¹ + bˡ，aˡ = σ(zˡ)"), blocks: blocks)
    }

    private static func backward(_ t: ExampleTrace, _ lang: Language) -> TraceSection {
        let Lnum = t.outputLayer
        let L = Script.sup(Lnum)
        var blocks: [TraceBlock] = []
        let sp = TraceTerm.column("σ′(z\(L))", t.sigmoidPrimeOfZ(Lnum))
        let gradA = TraceTerm.column("∇ₐC", t.costGradient)
        let bp1Check: [TraceTerm] = [gradA, .symbol("⊙"), sp, .symbol("="), .column("δ\(L)", t.delta(Lnum))]
        switch t.network.cost {
        case .quadratic:
            blocks.append(.equation(TraceEquation(
                label: "BP1", formula: "δ\(L) = ∇ₐC ⊙ σ′(z\(L))", note: lang.text("∇ₐC = a\(L) − y for the quadratic cost", "二次代价函数的 ∇ₐC = a\(L) − y"),
                rows: [[.column("a\(L)", t.a(Lnum)), .symbol("−"), .column("y", t.example.y), .symbol("="), gradA], bp1Check]
            )))
        case .crossEntropy:
            blocks.append(.equation(TraceEquation(
                label: "BP1", formula: "δ\(L) = a\(L) − y",
                note: lang.text("the cross-entropy form: ∇ₐC = (a\(L) − y) / (a\(L)(1 − a\(L))) and σ′(z\(L)) = a\(L)(1 − a\(L)) cancel",
                                "交叉熵代价函数的形式：∇ₐC = (a\(L) − y) / (a\(L)(1 − a\(L))) 与 σ′(z\(L)) = a\(L)(1 − a\(L)) 相互抵消"),
                rows: [[.column("a\(L)", t.a(Lnum)), .symbol("−"), .column("y", t.example.y), .symbol("="), .column("δ\(L)", t.delta(Lnum))], bp1Check]
            )))
        }
        for l in stride(from: Lnum, through: 2, by: -1) {
            let (s, p) = (Script.sup(l), Script.sup(l - 1))
            if l < Lnum {
                let n = Script.sup(l + 1)
                let moved = TraceTerm.column("(w\(n))ᵀδ\(n)", t.backpropagatedError(l))
                blocks.append(.equation(TraceEquation(
                    label: "BP2", formula: "δ\(s) = ((w\(n))ᵀδ\(n)) ⊙ σ′(z\(s))",
                    rows: [[.matrix(name: "(w\(n))ᵀ", value: t.w(l + 1).transposed()), .symbol("·"), .column("δ\(n)", t.delta(l + 1)), .symbol("="), moved],
                           [moved, .symbol("⊙"), .column("σ′(z\(s))", t.sigmoidPrimeOfZ(l)), .symbol("="), .column("δ\(s)", t.delta(l))]]
                )))
            }
            blocks.append(.equation(TraceEquation(
                label: "BP3", formula: "∂C/∂b\(s) = δ\(s)",
                rows: [[.column("∂C/∂b\(s)", t.nablaB(l))]]
            )))
            blocks.append(.equation(TraceEquation(
                label: "BP4", formula: "∂C/∂w\(s) = δ\(s)(a\(p))ᵀ",
                rows: [[.column("δ\(s)", t.delta(l)), .symbol("·"), .row("(a\(p))ᵀ", t.a(l - 1)), .symbol("="),
                        .matrix(name: "∂C/∂w\(s)", value: t.nablaW(l))]]
            )))
        }
        return TraceSection(title: lang.text("Backward pass, l = \(Lnum)…2: the four equations BP1–BP4",
                                             "反向过程，l = \(Lnum)…2：反向传播的四个方程 BP1–BP4"), blocks: blocks)
    }

    private static func miniBatch(_ batch: BatchStep, _ lang: Language) -> TraceSection {
        let m = batch.size
        let L = batch.before.numLayers
        var lines = [m == 1 ? lang.text("The mini-batch has m = 1 example: the one traced above.", "小批量只有 m = 1 个样本：就是上面追踪的那个。")
                            : lang.text("The mini-batch has m = \(m) examples; the first is the one traced above.", "小批量有 m = \(m) 个样本；第一个就是上面追踪的那个。")]
        for (k, e) in batch.examples.enumerated() {
            lines.append("x\(Script.sub(k + 1)) = \(NumberFormat.list(e.example.x.elements)), y\(Script.sub(k + 1)) = \(NumberFormat.list(e.example.y.elements)), C = \(NumberFormat.cost(e.cost))")
        }
        var blocks: [TraceBlock] = [.paragraph(lines)]
        func gradientRow(_ g: Gradient, _ suffix: (Int) -> String) -> [TraceTerm] {
            (2...L).flatMap { l -> [TraceTerm] in
                [.column(suffix(l).replacingOccurrences(of: "#", with: "b\(Script.sup(l))"), g.nablaB[l - 2]),
                 .matrix(name: suffix(l).replacingOccurrences(of: "#", with: "w\(Script.sup(l))"), value: g.nablaW[l - 2])]
            }
        }
        blocks.append(.equation(TraceEquation(
            label: lang.text("per example", "每个样本"), formula: "∇Cₓ = (∂Cₓ/∂bˡ, ∂Cₓ/∂wˡ)",
            note: lang.text("one backpropagation (BP1–BP4) per example x", "每个样本 x 做一次反向传播（BP1–BP4）"),
            rows: batch.gradients.enumerated().map { k, g in gradientRow(g) { _ in "∂Cₓ\(Script.sub(k + 1))/∂#" } }
        )))
        let mean = batch.meanGradient
        blocks.append(.equation(TraceEquation(
            label: lang.text("mean", "平均"), formula: "∇C = (1/m) Σₓ ∇Cₓ", note: lang.text("the mini-batch estimate of the gradient", "由小批量估计的梯度"),
            rows: [gradientRow(mean) { _ in "∂C/∂#" }]
        )))
        let eta = NumberFormat.shortest(batch.eta)
        let decayed = batch.isRegularized
        let lambdaNote = decayed
            ? ", λ = \(NumberFormat.shortest(batch.lambda)), n = \(batch.n), 1 − ηλ/n = \(NumberFormat.shortest(batch.decay))" : ""
        for l in 2...L {
            let s = Script.sup(l)
            let weights: TraceTerm = decayed
                ? .matrix(name: "(1 − ηλ/n)w\(s)", value: batch.decay * batch.before.weights[l - 2])
                : .matrix(name: "w\(s)", value: batch.before.weights[l - 2])
            blocks.append(.equation(TraceEquation(
                label: lang.text("update", "更新"),
                formula: "w\(s) → \(decayed ? "(1 − ηλ/n)" : "")w\(s) − (η/m) Σₓ ∂Cₓ/∂w\(s),  b\(s) → b\(s) − (η/m) Σₓ ∂Cₓ/∂b\(s)",
                note: "η = \(eta), m = \(m)" + lambdaNote,
                rows: [[weights, .symbol("−"),
                        .matrix(name: "(η/m)Σₓ∂Cₓ/∂w\(s)", value: batch.eta * mean.nablaW[l - 2]), .symbol("="),
                        .matrix(name: lang.text("w\(s) after", "更新后的 w\(s)"), value: batch.after.weights[l - 2])],
                       [.column("b\(s)", batch.before.biases[l - 2]), .symbol("−"),
                        .column("(η/m)Σₓ∂Cₓ/∂b\(s)", batch.eta * mean.nablaB[l - 2]), .symbol("="),
                        .column(lang.text("b\(s) after", "更新后的 b\(s)"), batch.after.biases[l - 2])]]
            )))
        }
        let (before, after) = (batch.costBefore, batch.costAfter)
        let average = "(1/m) Σₓ Cₓ" + (decayed ? " + (λ/2n) Σ w²" : "")
        let (b, a) = (NumberFormat.cost(before), NumberFormat.cost(after))
        blocks.append(.paragraph([
            lang.text("cost over the mini-batch, \(average): before the step \(b), after \(a)"
                          + (after < before ? " (lower)" : after > before ? " (higher: try a smaller --eta)" : " (unchanged)"),
                      "小批量上的代价 \(average)：更新前 \(b)，更新后 \(a)"
                          + (after < before ? "（下降了）" : after > before ? "（上升了：试试更小的 --eta）" : "（没有变化）")),
        ]))
        let regularization = decayed ? ", λ = \(NumberFormat.shortest(batch.lambda)), n = \(batch.n)" : ""
        return TraceSection(title: lang.text("Mini-batch step, m = \(m), η = \(eta)" + regularization,
                                             "小批量梯度下降的一步，m = \(m)，η = \(eta)" + regularization.replacingOccurrences(of: ", ", with: "，")), blocks: blocks)
    }

    private static func check(_ check: ClosingCheck, _ lang: Language) -> TraceSection {
        let options = check.report.options
        let (rtol, atol) = (NumberFormat.scientific(options.rtol), NumberFormat.scientific(options.atol))
        let (count, total, sample) = (check.parameterCount, check.totalParameters, ClosingCheck.sampleSize)
        let verdict = check.passed
            ? lang.text("passed (every entry within rtol \(rtol) or atol \(atol))", "通过（每个分量的误差都在 rtol \(rtol) 或 atol \(atol) 之内）")
            : lang.text("FAILED: \(check.report.failing) of \(count) entries disagree", "未通过：有 \(check.report.failing) 个分量不一致（共 \(count) 个）")
        let epsilon = NumberFormat.scientific(check.step)
        let largest = NumberFormat.scientific(check.maxRelativeError)
        return TraceSection(title: lang.text("Check against finite differences", "用有限差分检验"), blocks: [.paragraph([
            lang.text("numeric ∂C/∂p = (C(p + ε) − C(p − ε)) / 2ε for "
                          + (check.isFull ? "each of the \(count)" : "\(count) (a seeded sample of up to \(sample) per layer and kind) of the \(total)")
                          + " weights and biases p, ε = \(epsilon)",
                      "数值导数 ∂C/∂p = (C(p + ε) − C(p − ε)) / 2ε，"
                          + (check.isFull ? "对全部 \(count) 个权重和偏置 p 逐一计算" : "对 \(count) 个权重和偏置 p 计算（由随机种子抽样，每层每类最多 \(sample) 个；共 \(total) 个）")
                          + "，ε = \(epsilon)"),
            lang.text("largest relative error |backprop − numeric| / max(|backprop|, |numeric|): \(largest), \(verdict)",
                      "最大相对误差 |反向传播 − 数值| / max(|反向传播|, |数值|)：\(largest)，\(verdict)"),
        ])])
    }

    static func costFormula(_ cost: Cost, L: Int) -> String {
        let s = Script.sup(L)
        return cost == .quadratic ? "C = ½‖y − a\(s)‖²" : "C = −Σⱼ [yⱼ ln aⱼ\(s) + (1 − yⱼ) ln(1 − aⱼ\(s))]"
    }
}
