import BackpropEngine

/// One step of the classroom page: an equation of the trace document, or one of the
/// document's statements that is not an equation but a step in the book's algorithm
/// (the cost after the forward pass, the mini-batch's examples and its cost, the closing
/// check), with what it reads and writes on the drawing.
public struct PageStep: Sendable {
    /// The section heading the step belongs to.
    public var section: String?
    /// A short name for the step list, e.g. `BP2: δ² = ((w³)ᵀδ³) ⊙ σ′(z²)`.
    public var title: String
    /// The equation, if the step is one.
    public var equation: TraceEquation?
    /// Prose lines from the document.
    public var lines: [String]
    /// MathML for a step that is not an equation but has numbers (cost, check).
    var extraMath: String?
    /// What the step reads and writes.
    public var marks: TraceMarks
    /// Whether the drawing shows ∂C/∂w on the edges (gradient steps) instead of w.
    public var showsGradients: Bool { (marks.reads + marks.writes).contains { $0.hasPrefix("gw") || $0.hasPrefix("gb") } }

    /// What is known before the first step: the input a¹ = x, the target y, and every
    /// wˡ and bˡ.
    public static func initiallyKnown(layers L: Int) -> [String] {
        ["a1", "y"] + (2...max(L, 2)).flatMap { ["w\($0)", "b\($0)"] }
    }

    /// The steps of `document`, the document of `trace`. Sections are, in order: the
    /// opening (no step: the page's header), the forward pass, the backward pass, the
    /// mini-batch step if any, the check.
    public static func steps(_ document: TraceDocument, trace: TracedBackprop, text: PageText = .english) -> [PageStep] {
        let L = trace.layerCount
        let t = trace.example
        var steps: [PageStep] = []
        let last = document.sections.count - 1
        for (index, section) in document.sections.enumerated() where index > 0 {
            for (blockIndex, block) in section.blocks.enumerated() {
                switch block {
                case .equation(let equation):
                    let title = (equation.label.map { "\($0): " } ?? "") + equation.formula
                    steps.append(PageStep(section: section.title, title: title, equation: equation, lines: [],
                                          marks: TraceMarks(formula: equation.formula, layers: L)))
                case .paragraph(let lines):
                    var step = PageStep(section: section.title, title: section.title ?? "", equation: nil, lines: lines,
                                        marks: TraceMarks(reads: [], writes: []))
                    if index == 1 {
                        step.title = text.costStep
                        step.marks = TraceMarks(reads: ["a\(L)", "y"], writes: ["C"])
                        step.extraMath = MathML.formula(TraceDocument.costFormula(trace.network.cost, L: L)) + "<mo>=</mo>" + MathML.number(t.cost)
                    } else if index == last {
                        step.title = text.checkStep
                        step.marks = TraceMarks(reads: (2...L).flatMap { ["gb\($0)", "gw\($0)"] }, writes: [])
                        step.extraMath = "<mrow><mi>max</mi><mfrac><mrow><mo>|</mo><mi>g</mi><mo>−</mo><mi>n</mi><mo>|</mo></mrow>"
                            + "<mrow><mi>max</mi><mo>(</mo><mo>|</mo><mi>g</mi><mo>|</mo><mo>,</mo><mo>|</mo><mi>n</mi><mo>|</mo><mo>)</mo></mrow></mfrac>"
                            + "<mo>=</mo>\(MathML.number(trace.check.maxRelativeError))</mrow>"
                    } else if let batch = trace.batch, blockIndex > 0, blockIndex == section.blocks.count - 1 {
                        step.title = section.title ?? ""
                        step.marks = TraceMarks(reads: ["C"], writes: [])
                        let l2 = batch.isRegularized
                            ? "<mo>+</mo><mfrac><mi>λ</mi><mrow><mn>2</mn><mi>n</mi></mrow></mfrac><mo>Σ</mo><msup><mi>w</mi><mn>2</mn></msup>" : ""
                        step.extraMath = "<mrow><mfrac><mn>1</mn><mi>m</mi></mfrac><msub><mo>Σ</mo><mi>x</mi></msub><msub><mi>C</mi><mi>x</mi></msub>" + l2
                            + "<mo>:</mo><mtext>&#160;\(escapeMarkup(text.costBefore))&#160;</mtext>\(MathML.number(batch.costBefore))"
                            + "<mo>,</mo><mtext>&#160;\(escapeMarkup(text.costAfter))&#160;</mtext>\(MathML.number(batch.costAfter))</mrow>"
                    }
                    steps.append(step)
                }
            }
        }
        return steps
    }
}
