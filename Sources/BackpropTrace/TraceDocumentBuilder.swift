import BackpropEngine

extension TraceDocument {
    /// The document for `trace`: opening lines, the forward pass, the backward pass
    /// (BP1–BP4), the mini-batch step if any, and the closing check.
    public init(_ trace: BackpropTrace) {
        let t = trace.example
        var sections = [
            TraceSection(title: nil, blocks: [.paragraph(Self.opening(trace))]),
            Self.forward(t),
            Self.backward(t),
        ]
        if let batch = trace.batch { sections.append(Self.miniBatch(batch)) }
        sections.append(Self.check(trace.check))
        self.init(
            title: "Backpropagation step by step: one example through a [\(trace.network.sizes.map(String.init).joined(separator: ", "))] sigmoid network",
            sections: sections
        )
    }

    // MARK: Sections

    private static func opening(_ trace: BackpropTrace) -> [String] {
        let L = trace.layerCount
        var lines: [String]
        switch trace.source {
        case .seed(let seed):
            lines = ["seed: \(seed) (weights and biases drawn from N(0, 1), as in network.py)"]
        case .model(let path):
            lines = ["model: \(path)"]
        }
        let e = trace.example.example
        lines += [
            "cost: \(trace.network.cost.rawValue), \(costFormula(trace.network.cost, L: L))",
            "example: x = a¹ = \(NumberFormat.list(e.x.elements)), y = \(NumberFormat.list(e.y.elements))",
            "layers: the book's l = 1…L with the input as l = 1 (here L = \(L)); wˡ, bˡ, zˡ, δˡ are the code's weights[l − 2], biases[l − 2], zs[l − 2], deltas[l − 2].",
            "network.py counts from the output with negative indices, wˡ = weights[−(L − l + 1)]: "
                + (2...L).reversed().map { "w\(Script.sup($0)) = weights[\(-(L - $0 + 1))]" }.joined(separator: ", ") + ".",
            "Numbers are rounded to 6 decimals; --format json prints them in full.",
        ]
        return lines
    }

    private static func forward(_ t: ExampleTrace) -> TraceSection {
        var blocks: [TraceBlock] = []
        for l in 2...t.outputLayer {
            let (s, p) = (Script.sup(l), Script.sup(l - 1))
            blocks.append(.equation(TraceEquation(
                label: "layer \(l)", formula: "z\(s) = w\(s)a\(p) + b\(s)",
                rows: [[.matrix(name: "w\(s)", value: t.w(l)), .symbol("·"), .column("a\(p)", t.a(l - 1)),
                        .symbol("+"), .column("b\(s)", t.b(l)), .symbol("="), .column("z\(s)", t.z(l))]]
            )))
            blocks.append(.equation(TraceEquation(
                label: "layer \(l)", formula: "a\(s) = σ(z\(s))",
                rows: [[.symbol("σ"), .column("z\(s)", t.z(l)), .symbol("="), .column("a\(s)", t.a(l))]]
            )))
        }
        blocks.append(.paragraph(["cost: \(costFormula(t.network.cost, L: t.outputLayer)) = \(NumberFormat.cost(t.cost))"]))
        return TraceSection(title: "Forward pass, l = 2…\(t.outputLayer): zˡ = wˡaˡ⁻¹ + bˡ, aˡ = σ(zˡ)", blocks: blocks)
    }

    private static func backward(_ t: ExampleTrace) -> TraceSection {
        let Lnum = t.outputLayer
        let L = Script.sup(Lnum)
        var blocks: [TraceBlock] = []
        let sp = TraceTerm.column("σ′(z\(L))", t.sigmoidPrimeOfZ(Lnum))
        let gradA = TraceTerm.column("∇ₐC", t.costGradient)
        let bp1Check: [TraceTerm] = [gradA, .symbol("⊙"), sp, .symbol("="), .column("δ\(L)", t.delta(Lnum))]
        switch t.network.cost {
        case .quadratic:
            blocks.append(.equation(TraceEquation(
                label: "BP1", formula: "δ\(L) = ∇ₐC ⊙ σ′(z\(L))", note: "∇ₐC = a\(L) − y for the quadratic cost",
                rows: [[.column("a\(L)", t.a(Lnum)), .symbol("−"), .column("y", t.example.y), .symbol("="), gradA], bp1Check]
            )))
        case .crossEntropy:
            blocks.append(.equation(TraceEquation(
                label: "BP1", formula: "δ\(L) = a\(L) − y",
                note: "the cross-entropy form: ∇ₐC = (a\(L) − y) / (a\(L)(1 − a\(L))) and σ′(z\(L)) = a\(L)(1 − a\(L)) cancel",
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
        return TraceSection(title: "Backward pass, l = \(Lnum)…2: the four equations BP1–BP4", blocks: blocks)
    }

    private static func miniBatch(_ batch: BatchStep) -> TraceSection {
        let m = batch.size
        let L = batch.before.numLayers
        var lines = [m == 1 ? "The mini-batch has m = 1 example: the one traced above."
                            : "The mini-batch has m = \(m) examples; the first is the one traced above."]
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
            label: "per example", formula: "∇Cₓ = (∂Cₓ/∂bˡ, ∂Cₓ/∂wˡ)", note: "one backpropagation (BP1–BP4) per example x",
            rows: batch.gradients.enumerated().map { k, g in gradientRow(g) { _ in "∂Cₓ\(Script.sub(k + 1))/∂#" } }
        )))
        let mean = batch.meanGradient
        blocks.append(.equation(TraceEquation(
            label: "mean", formula: "∇C = (1/m) Σₓ ∇Cₓ", note: "the mini-batch estimate of the gradient",
            rows: [gradientRow(mean) { _ in "∂C/∂#" }]
        )))
        let eta = NumberFormat.shortest(batch.eta)
        for l in 2...L {
            let s = Script.sup(l)
            blocks.append(.equation(TraceEquation(
                label: "update", formula: "w\(s) → w\(s) − (η/m) Σₓ ∂Cₓ/∂w\(s),  b\(s) → b\(s) − (η/m) Σₓ ∂Cₓ/∂b\(s)", note: "η = \(eta), m = \(m)",
                rows: [[.matrix(name: "w\(s)", value: batch.before.weights[l - 2]), .symbol("−"),
                        .matrix(name: "(η/m)Σₓ∂Cₓ/∂w\(s)", value: batch.eta * mean.nablaW[l - 2]), .symbol("="),
                        .matrix(name: "w\(s) after", value: batch.after.weights[l - 2])],
                       [.column("b\(s)", batch.before.biases[l - 2]), .symbol("−"),
                        .column("(η/m)Σₓ∂Cₓ/∂b\(s)", batch.eta * mean.nablaB[l - 2]), .symbol("="),
                        .column("b\(s) after", batch.after.biases[l - 2])]]
            )))
        }
        let (before, after) = (batch.costBefore, batch.costAfter)
        blocks.append(.paragraph([
            "cost over the mini-batch, (1/m) Σₓ Cₓ: before the step \(NumberFormat.cost(before)), after \(NumberFormat.cost(after))"
                + (after < before ? " (lower)" : after > before ? " (higher: try a smaller --eta)" : " (unchanged)"),
        ]))
        return TraceSection(title: "Mini-batch step, m = \(m), η = \(eta)", blocks: blocks)
    }

    private static func check(_ check: ClosingCheck) -> TraceSection {
        let options = check.report.options
        let verdict = check.passed
            ? "passed (every entry within rtol \(NumberFormat.scientific(options.rtol)) or atol \(NumberFormat.scientific(options.atol)))"
            : "FAILED: \(check.report.failing) of \(check.parameterCount) entries disagree"
        return TraceSection(title: "Check against finite differences", blocks: [.paragraph([
            "numeric ∂C/∂p = (C(p + ε) − C(p − ε)) / 2ε for "
                + (check.isFull ? "each of the \(check.parameterCount)" : "\(check.parameterCount) (a seeded sample of up to \(ClosingCheck.sampleSize) per layer and kind) of the \(check.totalParameters)")
                + " weights and biases p, ε = \(NumberFormat.scientific(check.step))",
            "largest relative error |backprop − numeric| / max(|backprop|, |numeric|): \(NumberFormat.scientific(check.maxRelativeError)), \(verdict)",
        ])])
    }

    static func costFormula(_ cost: Cost, L: Int) -> String {
        let s = Script.sup(L)
        return cost == .quadratic ? "C = ½‖y − a\(s)‖²" : "C = −Σⱼ [yⱼ ln aⱼ\(s) + (1 − yⱼ) ln(1 − aⱼ\(s))]"
    }
}
