import Files
import Foundation

extension LinePlot {
    /// The smallest and largest finite x and y over all series, widened by 1 on each
    /// side when a range would be empty, so both renderers scale the same way.
    func dataBounds() -> (x0: Double, x1: Double, y0: Double, y1: Double) {
        let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        var (x0, x1) = (finite.map(\.x).min() ?? 0, finite.map(\.x).max() ?? 1)
        var (y0, y1) = (finite.map(\.y).min() ?? 0, finite.map(\.y).max() ?? 1)
        if x0 == x1 { x0 -= 1; x1 += 1 }
        if y0 == y1 { y0 -= 1; y1 += 1 }
        return (x0, x1, y0, y1)
    }

    /// The plot drawn into a bitmap: axes with tick marks, grid lines at the y ticks and
    /// each series as a 2-pixel line in the SVG's colours, with a swatch per series at
    /// the top right (a PNG has no fonts here, so titles and labels are left to the SVG).
    public func pngImage() -> PNGImage {
        let (w, h) = (Int(width), Int(height))
        var image = PNGImage(width: w, height: h)
        let (x0, x1, y0, y1) = dataBounds()
        let (left, right, top, bottom) = (50.0, width - 70, 20.0, height - 30)
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - y0) / (y1 - y0) * (bottom - top) }
        let black: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for y in niceTicks(y0, y1) {
            image.drawLine(left - 5, py(y), right, py(y), (221, 221, 221))
        }
        for x in niceTicks(x0, x1) { image.drawLine(px(x), bottom, px(x), bottom + 5, black) }
        image.drawLine(left, bottom, right, bottom, black)
        image.drawLine(left, top, left, bottom, black)
        for (i, s) in series.enumerated() {
            let color = rasterPalette[i % rasterPalette.count]
            let points = s.points.filter { $0.x.isFinite && $0.y.isFinite }
            for (p, q) in zip(points, points.dropFirst()) {
                image.drawLine(px(p.x), py(p.y), px(q.x), py(q.y), color, thickness: 2)
            }
            let ly = top + 10 + Double(i) * 14
            image.drawLine(right + 15, ly, right + 45, ly, color, thickness: 4)
        }
        return image
    }

    /// Writes the plot atomically to `path` (`AtomicFile`): SVG if it ends in `.svg`,
    /// PNG if `.png`.
    /// - Throws: `PlotFileError` (a `FileError` naming `path`) for another extension or
    ///   when the file cannot be written.
    public func write(to path: String) throws(PlotFileError) {
        let data: Data
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": data = Data(svg().utf8)
        case "png":
            do { data = try pngImage().pngData() } catch { throw PlotFileError(file: path, problem: "cannot encode PNG: \(error)") }
        default: throw PlotFileError(file: path, problem: "the plot file must end in .svg or .png")
        }
        try AtomicFile.write(data, to: path)
    }

    /// Why the plot cannot be written to `path` (not `.svg` or `.png`, or its directory
    /// does not exist), or `nil`: for validating `--plot FILE` before the work starts.
    public static func problem(writing path: String) -> String? {
        guard ["svg", "png"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) else {
            return "cannot write \(path): a plot file must end in .svg or .png"
        }
        return AtomicFile.problem(writing: path)
    }
}

/// Why a plot could not be written: a `FileError` naming the file.
public typealias PlotFileError = FileError

/// The SVG plot's series colours as RGB.
private let rasterPalette: [(UInt8, UInt8, UInt8)] = [
    (0x1f, 0x77, 0xb4), (0xd6, 0x27, 0x28), (0x2c, 0xa0, 0x2c), (0xff, 0x7f, 0x0e),
    (0x94, 0x67, 0xbd), (0x8c, 0x56, 0x4b), (0xe3, 0x77, 0xc2),
]

extension PNGImage {
    /// Draws a straight line from (x0, y0) to (x1, y1) in pixel coordinates, `thickness`
    /// pixels wide; parts outside the image are clipped.
    public mutating func drawLine(
        _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
        _ rgb: (UInt8, UInt8, UInt8), thickness: Int = 1
    ) {
        guard [x0, y0, x1, y1].allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else { return }
        let steps = max(1, Int(max(abs(x1 - x0), abs(y1 - y0)).rounded(.up)))
        let half = (thickness - 1) / 2
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let (x, y) = (Int((x0 + t * (x1 - x0)).rounded()), Int((y0 + t * (y1 - y0)).rounded()))
            for dx in -half..<(thickness - half) {
                for dy in -half..<(thickness - half) { set(x: x + dx, y: y + dy, rgb) }
            }
        }
    }
}
