import BackpropTrace
import GradientChecking

/// A gradient check as one self-contained HTML page (`gradcheck --format html`): the
/// verdict, per layer a heat map of the relative error of every weight and bias
/// (`HeatMap`), the diagnosis with its equation in MathML, and, on request (a `--bug`
/// or `--mystery`), the network coloured by the errors (`ErrorDrawing`).
///
/// It takes any `GradientCheckReport`, whatever gradient was under test (`subject`):
/// the engine's backprop, a bug of the zoo, or a gradient computed elsewhere. Inline
/// CSS only, nothing fetched; all prose from `PageText`.
public struct GradientCheckPage: Sendable {
    public var text: PageText

    public init(text: PageText = .english) {
        self.text = text
    }

    /// The page. `context` lines describe the check (network, mini-batch, mode);
    /// `diagnose: false` keeps the layer and equation hidden (lesson 7's exercises);
    /// `picture` adds the network coloured by the errors.
    public func render(_ report: GradientCheckReport, subject: String? = nil, context: [String] = [],
                       diagnose: Bool = true, picture: Bool = false) -> String {
        let oracles = report.oracleNames(text.documentLanguage)
        let subject = subject ?? text.documentLanguage.text("backprop", "反向传播")
        let title = text.fill(text.checkTitle, subject, oracles)
        let directional: Bool = if case .directional = report.options.mode { true } else { false }
        let noun = directional ? text.directions : text.entries
        var html = text.pageStart(title: title, css: Self.css, lines: context, lineClass: "context") + "<main>\n"
        let verdict = report.passed
            ? text.fill(text.verdictPass, subject, oracles, report.checked, noun)
            : text.fill(text.verdictFail, report.failing, report.checked, noun)
        html += "<p class=\"verdict \(report.passed ? "pass" : "fail")\">\(escapeMarkup(verdict))</p>\n"
        html += "<p>\(escapeMarkup(text.maxRelativeError)): \(scientific(report.maxRelativeError)) (rtol = \(scientific(report.options.rtol)), atol = \(scientific(report.options.atol)))</p>\n"
        if !report.passed {
            html += "<section class=\"diagnosis\"><h2>\(escapeMarkup(text.diagnosisHeading))</h2>\n"
            if diagnose, let diagnosis = report.diagnosis {
                html += "<p>\(escapeMarkup(text.fill(text.firstLayer, diagnosis.layer, report.sizes.count)))</p>\n"
                html += "<p>\(escapeMarkup(text.culprit)): <strong>\(escapeMarkup(diagnosis.culprit.equation(text.documentLanguage)))</strong></p>\n"
                if let formula = Self.formula(diagnosis.culprit.equation) {
                    html += "<div class=\"equation\">\(MathML.block(MathML.formula(formula)))</div>\n"
                }
                html += "<p>\(escapeMarkup(text.why)): \(escapeMarkup(diagnosis.reason(text.documentLanguage)))</p>\n"
            } else {
                html += "<p>\(escapeMarkup(text.mysteryHidden))</p>\n"
            }
            html += "</section>\n"
        }
        if picture {
            html += "<section class=\"picture\"><h2>\(escapeMarkup(text.pictureHeading))</h2>\n"
            html += ErrorDrawing(sizes: report.sizes, report: report, text: text).svg()
            html += "<p class=\"caption\">\(escapeMarkup(text.pictureCaption))</p></section>\n"
        }
        html += "<section class=\"maps\"><h2>\(escapeMarkup(text.heatHeading))</h2>\n"
        html += HeatMap.scale(label: escapeMarkup(text.heatScale), rtol: report.options.rtol)
        html += "<p class=\"caption\">\(escapeMarkup(text.heatCaption))</p>\n"
        if directional { html += "<p class=\"caption\">\(escapeMarkup(text.directionsNote))</p>\n" }
        for l in Array(Set(report.blocks.map(\.block.layer))).sorted() {
            html += "<div class=\"layer\"><h3>\(escapeMarkup(text.fill(text.layerLabel, l)))</h3>\n"
            for result in report.blocks where result.block.layer == l {
                let symbol = (result.block.kind == .weight ? "∂C/∂w" : "∂C/∂b") + Script.sup(l)
                let shape = result.block.kind == .weight ? "\(result.block.rows)×\(result.block.columns)" : "\(result.block.rows)"
                let caption = text.fill(text.blockCaption, symbol, shape, result.tested.count, result.failing, scientific(result.maxRelativeError))
                html += "<figure class=\"block \(result.passed ? "ok" : "wrong")\"><figcaption>\(escapeMarkup(caption))</figcaption>"
                html += HeatMap(result: result, options: report.options, text: text).render() + "</figure>\n"
            }
            html += "</div>\n"
        }
        return html + "</section>\n</main>\n</body>\n</html>\n"
    }

    /// The formula in a culprit's description ("BP4, the weight gradient ∂C/∂wˡⱼₖ =
    /// aˡ⁻¹ₖ δˡⱼ"): from the symbol before " = " to the end, without a closing remark
    /// in parentheses.
    static func formula(_ equation: String) -> String? {
        guard let equals = equation.range(of: " = ") else { return nil }
        let before = equation[..<equals.lowerBound]
        let start = before.lastIndex(of: " ").map { before.index(after: $0) } ?? before.startIndex
        var formula = String(equation[start...])
        if let remark = formula.range(of: " (chapter") { formula = String(formula[..<remark.lowerBound]) }
        return formula
    }

    static let css = """
    body{font-family:sans-serif;margin:0;color:#111;background:#fff}
    header{padding:.6rem 1.2rem;border-bottom:1px solid #ccc}
    header h1{font-size:1.4rem;margin:.2rem 0}
    .context{margin:.1rem 0;font-size:.9rem;color:#444}
    main{padding:.6rem 1.2rem}
    .verdict{font-size:1.3rem;font-weight:700}.verdict.pass{color:#1a7f37}.verdict.fail{color:#b00}
    .diagnosis{border-left:4px solid #b00;padding-left:.8rem}
    .equation{font-size:1.4rem}
    .layer{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;border-top:1px solid #ddd;margin-top:.5rem}
    .layer h3{width:100%;margin:.4rem 0 0}
    figure.block{margin:0}figure.block figcaption{font-size:.9rem;margin-bottom:.2rem}
    figure.block.wrong figcaption{color:#b00;font-weight:700}
    .heat-image{image-rendering:pixelated}
    .scale{display:flex;gap:.4rem;align-items:center;font-size:.85rem}
    .caption{font-size:.85rem;color:#444}
    @media print{.layer{break-inside:avoid}}
    """
}
