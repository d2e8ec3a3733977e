import Foundation
import BackpropTrace
import GradientChecking
import Pictures
import Rendering

/// One parameter block's relative errors as a heat map: a cell per probe, for weights
/// laid out as wˡ is (row j, column k), for biases one column. The colour is
/// log₁₀ of the relative error |g − n| / max(|g|, |n|, atol/rtol) against the first
/// oracle: shades of green from 10⁻¹⁶ (agreement to the last bits) up to rtol (the
/// check's tolerance, 10⁻⁶ by default), then orange to red up to 10⁰ (the values have
/// nothing in common); cells that fail both tolerances get a
/// red outline. Blocks of more than `maximumCells` are drawn as an inline PNG (one
/// pixel per entry, no outlines), so a 30×784 layer stays a small page.
struct HeatMap {
    static let maximumCells = 4096
    static let floorExponent = -16.0

    let result: BlockResult
    let options: CheckOptions
    var text: PageText = .english

    /// The relative error of each probe against the reference oracle.
    var errors: [Double] {
        zip(result.tested, result.reference).map { relativeError($0, $1, floor: options.relativeErrorFloor) }
    }

    /// Whether probe i fails both tolerances.
    func fails(_ i: Int) -> Bool {
        let (a, n) = (result.tested[i], result.reference[i])
        let absolute = a.isFinite && n.isFinite ? abs(a - n) : .infinity
        return absolute > options.atol && relativeError(a, n, floor: options.relativeErrorFloor) > options.rtol
    }

    /// Rows and columns of the grid: wˡ's shape for an entry-wise check of all
    /// entries, otherwise one row of probes.
    var shape: (rows: Int, columns: Int) {
        if result.tested.count == result.block.count { return (result.block.rows, result.block.columns) }
        return (1, result.tested.count)
    }

    /// Dark to light green for log₁₀ of the error from −16 to log₁₀ rtol, orange to red
    /// from there to 0.
    static func colour(_ error: Double, rtol: Double) -> (UInt8, UInt8, UInt8) {
        let e = error.isFinite ? (error > 0 ? log10(error) : floorExponent) : 0
        let r = min(max(rtol > 0 ? log10(rtol) : -6, floorExponent + 1), -1)
        let (a, b, u): ((Double, Double, Double), (Double, Double, Double), Double) = e <= r
            ? ((0, 104, 55), (166, 217, 106), max(0, (e - floorExponent) / (r - floorExponent)))
            : ((253, 174, 97), (190, 20, 30), min(1, (e - r) / -r))
        func mix(_ x: Double, _ y: Double) -> UInt8 { UInt8((x + (y - x) * u).rounded()) }
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    static func css(_ c: (UInt8, UInt8, UInt8)) -> String { "rgb(\(c.0),\(c.1),\(c.2))" }

    /// The map as inline SVG (or an `<img>` with a PNG data URI for large blocks).
    func render() -> String {
        let (rows, columns) = shape
        let errors = errors
        guard rows * columns > 0 else { return "" }
        let cw = max(1, min(22, 640 / Double(columns)))
        let ch = max(cw, min(22, 320 / Double(rows)))
        if rows * columns > Self.maximumCells {
            var image = PNGImage(width: columns, height: rows)
            for (i, e) in errors.enumerated() { image.set(x: i % columns, y: i / columns, Self.colour(e, rtol: options.rtol)) }
            guard let data = try? image.pngData() else { return "" }
            return "<img class=\"heat-image\" alt=\"\(rows)×\(columns)\" width=\"\(Int(Double(columns) * cw))\" height=\"\(Int(Double(rows) * ch))\" src=\"data:image/png;base64,\(data.base64EncodedString())\">"
        }
        let (w, h) = (Double(columns) * cw, Double(rows) * ch)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heat\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\">"
        for (i, e) in errors.enumerated() {
            let (r, c) = (i / columns, i % columns)
            let outline = fails(i) ? " stroke=\"#b00\" stroke-width=\"\(max(1, cw / 8))\"" : ""
            out += "<rect class=\"heat-cell\" x=\"\(Double(c) * cw)\" y=\"\(Double(r) * ch)\" width=\"\(cw)\" height=\"\(ch)\" fill=\"\(Self.css(Self.colour(e, rtol: options.rtol)))\"\(outline)>"
            let tip = text.fill(text.cellTip, result.probeLabels[i], result.tested[i].description, result.reference[i].description, scientific(e))
            out += "<title>\(escapeMarkup(tip))</title></rect>"
        }
        return out + "</svg>"
    }

    /// The colour scale, labelled in powers of ten.
    static func scale(label: String, rtol: Double) -> String {
        var out = "<div class=\"scale\"><span>\(label): 10⁻¹⁶</span><svg width=\"320\" height=\"30\">"
        for i in 0..<64 {
            let e = pow(10, floorExponent * (1 - Double(i) / 63))
            out += "<rect x=\"\(i * 5)\" y=\"0\" width=\"5\" height=\"14\" fill=\"\(css(colour(e, rtol: rtol)))\"/>"
        }
        let x = 320 * (1 - log10(max(rtol, 1e-16)) / floorExponent)
        out += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"18\" stroke=\"#111\" stroke-width=\"2\"/>"
        out += "<text x=\"\(x)\" y=\"29\" font-size=\"11\" text-anchor=\"middle\" font-family=\"sans-serif\">rtol = \(scientific(rtol))</text>"
        return out + "</svg><span>10⁰</span></div>"
    }
}
