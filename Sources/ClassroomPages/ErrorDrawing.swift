import BackpropTrace
import GradientChecking

/// The network of a gradient check in the book's layout (layers left to right, input
/// l = 1), coloured by the check: each edge k → j of layer l by the relative error of
/// ∂C/∂wˡⱼₖ, each neuron's ring by that of ∂C/∂bˡⱼ, on `HeatMap`'s scale; what fails is
/// drawn thick. A layer of more than `NetworkDrawing.maximumDrawn` neurons is summarised
/// as in the trace's drawing, its edges one band in the colour of the block's largest
/// error. In sampled or directional checks, entries not checked stay grey.
struct ErrorDrawing {
    let sizes: [Int]
    let report: GradientCheckReport
    let text: PageText

    static let radius = 17.0, layerGap = 210.0, slotGap = 50.0, left = 60.0, top = 50.0

    func shown(_ l: Int) -> [Int?] {
        let n = sizes[l - 1]
        guard n > NetworkDrawing.maximumDrawn else { return Array(0..<n) }
        return Array(0..<8) + [nil] + Array((n - 2)..<n)
    }

    private var slots: Int { sizes.indices.map { shown($0 + 1).count }.max() ?? 1 }
    func x(_ l: Int) -> Double { Self.left + Double(l - 1) * Self.layerGap }
    func y(_ l: Int, _ slot: Int) -> Double {
        Self.top + Double(slots - shown(l).count) * Self.slotGap / 2 + Double(slot) * Self.slotGap + Self.radius
    }

    /// (error, fails) per entry of layer l's block of `kind`, when every entry was checked.
    private func entries(_ l: Int, _ kind: ParameterKind) -> (map: HeatMap, full: Bool)? {
        guard let block = report.blocks.first(where: { $0.block.layer == l && $0.block.kind == kind }) else { return nil }
        return (HeatMap(result: block, options: report.options), block.tested.count == block.block.count)
    }

    func svg() -> String {
        let w = Self.left * 2 + Double(sizes.count - 1) * Self.layerGap
        let h = Self.top + Double(slots) * Self.slotGap + 10
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"errors\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\">"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        for l in 2...max(sizes.count, 2) where l <= sizes.count {
            let weights = entries(l, .weight)
            let errors = weights.map { $0.map.errors } ?? []
            let (left, right) = (shown(l - 1), shown(l))
            if left.contains(nil) || right.contains(nil) {
                let worst = errors.filter(\.isFinite).max() ?? 0
                let points = [(x(l - 1) + Self.radius, y(l - 1, 0)), (x(l) - Self.radius, y(l, 0)),
                              (x(l) - Self.radius, y(l, right.count - 1)), (x(l - 1) + Self.radius, y(l - 1, left.count - 1))]
                out += "<polygon points=\"\(points.map { "\($0.0),\($0.1)" }.joined(separator: " "))\" fill=\"\(HeatMap.css(HeatMap.colour(worst, rtol: report.options.rtol)))\" opacity=\"0.45\"/>"
                continue
            }
            for (js, j) in right.enumerated() {
                for (ks, k) in left.enumerated() {
                    guard let j, let k else { continue }
                    let i = j * sizes[l - 2] + k
                    var colour = "#bbb", width = 1.5
                    if let weights, weights.full, errors.indices.contains(i) {
                        colour = HeatMap.css(HeatMap.colour(errors[i], rtol: report.options.rtol))
                        width = weights.map.fails(i) ? 4.5 : 2
                    }
                    out += "<line x1=\"\(x(l - 1) + Self.radius)\" y1=\"\(y(l - 1, ks))\" x2=\"\(x(l) - Self.radius)\" y2=\"\(y(l, js))\" stroke=\"\(colour)\" stroke-width=\"\(width)\"/>"
                }
            }
        }
        for l in 1...sizes.count {
            out += "<text x=\"\(x(l))\" y=\"22\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\"700\">l = \(l)</text>"
            let biases = l >= 2 ? entries(l, .bias) : nil
            let errors = biases.map { $0.map.errors } ?? []
            for (slot, j) in shown(l).enumerated() {
                guard let j else {
                    out += "<text x=\"\(x(l))\" y=\"\(y(l, slot) + 4)\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\">⋮ \(escapeMarkup(text.fill(text.summarised, sizes[l - 1] - 10)))</text>"
                    continue
                }
                var ring = "#333", width = 1.5
                if let biases, biases.full, errors.indices.contains(j) {
                    ring = HeatMap.css(HeatMap.colour(errors[j], rtol: report.options.rtol))
                    width = biases.map.fails(j) ? 6 : 4
                }
                out += "<circle cx=\"\(x(l))\" cy=\"\(y(l, slot))\" r=\"\(Self.radius)\" fill=\"#f4f4f4\" stroke=\"\(ring)\" stroke-width=\"\(width)\"/>"
            }
        }
        return out + "</svg>"
    }
}
