/// The drawing of a trace alone (`backprop-trace --format svg`): the whole trace's
/// values on one picture, or the network as step N of the HTML page shows it.
public enum TracePicture {
    /// The SVG with every value of the trace.
    public static func svg(_ trace: TracedBackprop, text: PageText = .english) -> String {
        NetworkDrawing(trace.example, text: text).svg(.whole)
    }

    /// The SVG as page step `step` (1-based) shows it: values computed later faded,
    /// what the step reads and writes highlighted.
    public static func svg(_ trace: TracedBackprop, step: Int, text: PageText = .english) throws(TraceError) -> String {
        let drawing = NetworkDrawing(trace.example, text: text)
        let steps = PageStep.steps(TraceDocument(trace, language: text.documentLanguage), trace: trace, text: text)
        guard steps.indices.contains(step - 1) else {
            throw .invalidOptions("--at-step must be 1 to \(steps.count) (the page's steps for this trace), got \(step)")
        }
        var known = Set(PageStep.initiallyKnown(layers: trace.layerCount))
        for s in steps[...(step - 1)] { known.formUnion(s.marks.writes) }
        let current = steps[step - 1]
        return drawing.svg(.step(marks: current.marks, known: known, gradients: current.showsGradients))
    }

    /// The number of steps the page has for `trace`.
    public static func stepCount(_ trace: TracedBackprop) -> Int {
        PageStep.steps(TraceDocument(trace), trace: trace).count
    }
}
