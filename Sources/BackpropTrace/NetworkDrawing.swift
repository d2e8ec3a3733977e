import BackpropEngine

/// The network in the book's layout as SVG: layers left to right, the input l = 1 on
/// the left; each neuron shows bˡⱼ above it, aˡⱼ inside (its fill darker as a → 1) and
/// zˡⱼ, δˡⱼ and ∂C/∂bˡⱼ below; each edge k → j carries wˡⱼₖ, with colour for the
/// sign and thickness for |wˡⱼₖ| relative to the largest weight (on gradient steps the
/// same for ∂C/∂wˡⱼₖ). A layer of more than `maximumDrawn` neurons is summarised: its
/// first `headShown` and last `tailShown` neurons, a count of the rest, and one band
/// for all its edges, labelled with the smallest and largest entry.
///
/// Every value element carries `data-k` (the `TraceMarks` key, e.g. `z2`) so the page's
/// script can highlight what a step reads and writes, and every number is a
/// `class="num"` element with `data-v`, the Double in full.
public struct NetworkDrawing: Sendable {
    /// How the drawing is shown.
    public enum Mode: Sendable, Equatable {
        /// Every value, w and ∂C/∂w labels together: the whole trace on one picture.
        case whole
        /// As step `marks` of the page shows it: values not yet computed faded, what the
        /// step reads and writes highlighted; `known` are the keys computed so far.
        case step(marks: TraceMarks, known: Set<String>, gradients: Bool)
        /// For the page: every value present, the script sets the classes.
        case page
    }

    public static let maximumDrawn = 20
    /// Layers with more edges than this show wˡⱼₖ and ∂C/∂wˡⱼₖ in each edge's tooltip
    /// only: more labels overlap (the equations show every entry).
    public static let maximumLabelledEdges = 9
    static let headShown = 8
    static let tailShown = 2

    let trace: ExampleTrace
    let text: PageText

    public init(_ trace: ExampleTrace, text: PageText = .english) {
        self.trace = trace
        self.text = text
    }

    // Geometry.
    static let radius = 30.0, layerGap = 270.0, slotGap = 142.0, left = 120.0, top = 86.0

    var sizes: [Int] { trace.network.sizes }
    var L: Int { sizes.count }

    /// The neuron indices shown in layer l, `nil` where the summary stands.
    func shown(_ l: Int) -> [Int?] {
        let n = sizes[l - 1]
        guard n > Self.maximumDrawn else { return Array(0..<n) }
        return Array(0..<Self.headShown) + [nil] + Array((n - Self.tailShown)..<n)
    }

    var width: Double { Self.left * 2 + Double(L - 1) * Self.layerGap + 70 }
    var height: Double { Self.top + Double((1...L).map { shown($0).count }.max() ?? 1) * Self.slotGap + 10 }

    func x(_ l: Int) -> Double { Self.left + Double(l - 1) * Self.layerGap }
    func y(_ l: Int, slot: Int) -> Double {
        let count = shown(l).count
        let span = Double(count - 1) * Self.slotGap
        let maxSpan = Double((1...L).map { shown($0).count }.max() ?? 1) - 1
        return Self.top + (maxSpan * Self.slotGap - span) / 2 + Double(slot) * Self.slotGap + Self.radius + 14
    }

    /// The SVG document.
    public func svg(_ mode: Mode) -> String {
        let (w, h) = (format(width), format(height))
        var rootClass = "net"
        if mode == .whole { rootClass += " whole" }
        if case .step(_, _, true) = mode { rootClass += " gmode" }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(rootClass)\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\">"
        out += "<style>\(Self.style)</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        var body = ""
        for l in 2...L { body += edges(l) }
        for l in 1...L { body += layer(l) }
        if case .step(let marks, let known, _) = mode { body = Self.apply(marks: marks, known: known, to: body) }
        return out + body + "</svg>"
    }

    // MARK: Layers

    private func layer(_ l: Int) -> String {
        let title = l == 1 ? text.inputLabel : l == L ? text.fill(text.outputLabel, L) : text.fill(text.layerLabel, l)
        var out = "<text class=\"title\" x=\"\(format(x(l)))\" y=\"30\">\(escapeMarkup(title))</text>"
        out += "<text class=\"title sub\" x=\"\(format(x(l)))\" y=\"50\">\(escapeMarkup(text.fill(sizes[l - 1] == 1 ? text.oneNeuron : text.neurons, sizes[l - 1])))</text>"
        for (slot, j) in shown(l).enumerated() {
            let (cx, cy) = (x(l), y(l, slot: slot))
            guard let j else {
                out += "<text class=\"more\" x=\"\(format(cx))\" y=\"\(format(cy + 6))\">⋮ \(escapeMarkup(text.fill(text.summarised, sizes[l - 1] - Self.headShown - Self.tailShown)))</text>"
                continue
            }
            out += neuron(l, j, cx, cy)
        }
        return out
    }

    private func neuron(_ l: Int, _ j: Int, _ cx: Double, _ cy: Double) -> String {
        let a = trace.a(l)[j]
        let shade = a.isFinite ? min(max(a, 0), 1) : 0
        let fill = Self.mix(shade)
        let ink = shade > 0.55 ? "#fff" : "#111"
        let r = Self.radius
        var out = "<g class=\"neuron\"><title>l = \(l), j = \(j)</title>"
        out += "<circle class=\"q node\" data-k=\"a\(l)\" cx=\"\(format(cx))\" cy=\"\(format(cy))\" r=\"\(format(r))\" fill=\"\(fill)\"/>"
        out += "<text class=\"q val\" data-k=\"a\(l)\" x=\"\(format(cx))\" y=\"\(format(cy + 4.5))\" fill=\"\(ink)\">\(num(a))</text>"
        if l >= 2 {
            out += label("b\(l)", "b", trace.b(l)[j], cx, cy - r - 7)
            out += label("z\(l)", "z", trace.z(l)[j], cx, cy + r + 15)
            out += label("d\(l)", "δ", trace.delta(l)[j], cx, cy + r + 29)
            out += label("gb\(l)", "∂C/∂b", trace.nablaB(l)[j], cx, cy + r + 43)
        } else {
            out += "<text class=\"lab end\" x=\"\(format(cx - r - 8))\" y=\"\(format(cy + 4))\">x\(Script.sub(j + 1))</text>"
        }
        if l == L {
            out += "<text class=\"q lab start\" data-k=\"y\" x=\"\(format(cx + r + 8))\" y=\"\(format(cy + 4))\">y\(Script.sub(j + 1)) = \(num(trace.example.y[j]))</text>"
        }
        return out + "</g>"
    }

    private func label(_ key: String, _ name: String, _ v: Double, _ cx: Double, _ cy: Double) -> String {
        "<text class=\"q lab\" data-k=\"\(key)\" x=\"\(format(cx))\" y=\"\(format(cy))\">\(escapeMarkup(name)) \(num(v))</text>"
    }

    // MARK: Edges

    private func edges(_ l: Int) -> String {
        let w = trace.w(l), g = trace.nablaW(l)
        let (left, right) = (shown(l - 1), shown(l))
        if left.contains(nil) || right.contains(nil) { return band(l) }
        let maxW = Self.largest(trace.network.weights), maxG = Self.largest(trace.pass.gradient.nablaW)
        let labelled = w.rows * w.columns <= Self.maximumLabelledEdges
        var lines = "", labels = ""
        for (jSlot, j) in right.enumerated() {
            for (kSlot, k) in left.enumerated() {
                guard let j, let k else { continue }
                let (x1, y1) = (x(l - 1) + Self.radius, y(l - 1, slot: kSlot))
                let (x2, y2) = (x(l) - Self.radius, y(l, slot: jSlot))
                let ends = "x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\""
                let tip = "<title>w\(Script.sup(l))\(Script.sub(j))\(Script.sub(k)) = \(w[j, k].description), ∂C/∂w = \(g[j, k].description)</title>"
                lines += "<line class=\"q wline\" data-k=\"w\(l)\" \(ends) \(stroke(w[j, k], maxW))>\(tip)</line>"
                lines += "<line class=\"q gline\" data-k=\"gw\(l)\" \(ends) \(stroke(g[j, k], maxG))>\(tip)</line>"
                guard labelled else { continue }
                let t = right.count == 1 ? 0.5 : 0.3 + 0.4 * Double(jSlot) / Double(right.count - 1)
                let (lx, ly) = (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
                labels += "<text class=\"q wlabel\" data-k=\"w\(l)\" x=\"\(format(lx))\" y=\"\(format(ly - 3))\">\(num(w[j, k]))</text>"
                labels += "<text class=\"q glabel\" data-k=\"gw\(l)\" x=\"\(format(lx))\" y=\"\(format(ly + 10))\">\(num(g[j, k]))</text>"
            }
        }
        return "<g class=\"edges\">" + lines + labels + "</g>"
    }

    /// All edges of layer l as one band, with the smallest and largest wˡⱼₖ and ∂C/∂wˡⱼₖ.
    private func band(_ l: Int) -> String {
        let (left, right) = (shown(l - 1), shown(l))
        let (x1, x2) = (x(l - 1) + Self.radius, x(l) - Self.radius)
        let (a1, a2) = (y(l - 1, slot: 0), y(l - 1, slot: left.count - 1))
        let (b1, b2) = (y(l, slot: 0), y(l, slot: right.count - 1))
        let points = [(x1, a1), (x2, b1), (x2, b2), (x1, a2)].map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
        let (mx, my) = ((x1 + x2) / 2, (a1 + a2 + b1 + b2) / 4)
        let w = trace.w(l), g = trace.nablaW(l)
        func summary(_ key: String, _ name: String, _ m: Matrix, _ dy: Double, _ cls: String) -> String {
            let lo = m.elements.min() ?? 0, hi = m.elements.max() ?? 0
            return "<text class=\"q \(cls)\" data-k=\"\(key)\" x=\"\(format(mx))\" y=\"\(format(my + dy))\">"
                + "<tspan x=\"\(format(mx))\">\(escapeMarkup(name)) (\(m.rows)×\(m.columns))</tspan>"
                + "<tspan x=\"\(format(mx))\" dy=\"14\">\(num(lo)) … \(num(hi))</tspan></text>"
        }
        return "<g class=\"edges\"><polygon class=\"q wline band\" data-k=\"w\(l)\" points=\"\(points)\"/>"
            + "<polygon class=\"q gline band\" data-k=\"gw\(l)\" points=\"\(points)\"/>"
            + summary("w\(l)", "w\(Script.sup(l))", w, -30, "wlabel bandlabel")
            + summary("gw\(l)", "∂C/∂w\(Script.sup(l))", g, 6, "glabel bandlabel") + "</g>"
    }

    private func stroke(_ v: Double, _ largest: Double) -> String {
        let size = largest > 0 && v.isFinite ? abs(v) / largest : 0
        return "stroke=\"\(v < 0 ? Self.negative : Self.positive)\" stroke-width=\"\(format(0.6 + 6 * size))\""
    }

    // MARK: Helpers

    func num(_ v: Double) -> String {
        "<tspan class=\"num\" data-v=\"\(v.description)\">\(NumberFormat.cell(v))</tspan>"
    }

    public static let positive = "#1f6fd1", negative = "#d23c3c"

    static func largest(_ ms: [Matrix]) -> Double {
        ms.flatMap(\.elements).filter(\.isFinite).map(abs).max() ?? 0
    }

    /// White (0) to slate (1).
    public static func mix(_ t: Double) -> String {
        let (r, g, b) = (255 - t * (255 - 38), 255 - t * (255 - 50), 255 - t * (255 - 56))
        return "rgb(\(Int(r.rounded())),\(Int(g.rounded())),\(Int(b.rounded())))"
    }

    /// Marks the elements of a step: `pending` (not yet known), `read`, `write`.
    static func apply(marks: TraceMarks, known: Set<String>, to body: String) -> String {
        body.replacing(/class="q ([^"]*)" data-k="([^"]*)"/) { match in
            let key = String(match.2)
            var classes = "q \(match.1)"
            if !known.contains(key) { classes += " pending" }
            if marks.reads.contains(key) { classes += " read" }
            if marks.writes.contains(key) { classes += " write" }
            return "class=\"\(classes)\" data-k=\"\(key)\""
        }
    }

    static let style = """
    .net text{font-family:sans-serif;text-anchor:middle;font-size:12px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}\
    .net text.val{font-size:12.5px;font-weight:600;stroke:none}\
    .net .title{font-size:16px;font-weight:700}.net .title.sub{font-size:12px;font-weight:400;fill:#555}\
    .net .lab{font-size:11.5px}.net .start{text-anchor:start}.net .end{text-anchor:end}.net .more{font-size:13px;fill:#555}\
    .net circle{stroke:#333;stroke-width:1.5}\
    .net line{stroke-linecap:round;opacity:.7}\
    .net .wlabel,.net .glabel{font-size:10.5px}.net .glabel{fill:#6a1b9a;font-style:italic}\
    .net .band{fill:#90a4ae;opacity:.25;stroke:#78909c}.net .bandlabel{font-size:12px}\
    .net .gline,.net .glabel{display:none}\
    .net.whole .glabel{display:inline}\
    .net.gmode .wline{opacity:.12}.net.gmode .wlabel{display:none}\
    .net.gmode .gline:not(.pending),.net.gmode .glabel:not(.pending){display:inline}\
    .net .pending{opacity:.13}\
    .net circle.read{stroke:#f2b600;stroke-width:7}.net circle.write{stroke:#e8590c;stroke-width:7}\
    .net text.read{stroke:#ffe066;stroke-width:6px;font-weight:700}.net text.write{stroke:#ffc9a8;stroke-width:6px;font-weight:700}\
    .net text.val.read,.net text.val.write{stroke:none}\
    .net line.read,.net line.write{opacity:1}.net .band.read,.net .band.write{opacity:.5}
    """
}

/// `v` with at most two decimals, for SVG coordinates.
func format(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
}
