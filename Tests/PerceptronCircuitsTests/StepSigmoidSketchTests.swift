import Foundation
import Pictures
import Testing
@testable import PerceptronCircuits
import TestSupport

@Suite("σ versus step pictures")
struct StepSigmoidSketchTests {
    @Test("the sketch has the curves at the right heights")
    func sketch() {
        let lines = StepSigmoidSketch.lines(columns: 61, rows: 11)
        #expect(lines.count == 14)
        #expect(lines[0].hasPrefix("  1 ┤"))
        #expect(lines[5].hasPrefix("0.5 ┤") && lines[5].contains("•"))
        #expect(lines[10].hasPrefix("  0 ┤••"))
    }

    @Test("plots are written as SVG or PNG by extension, other names refused")
    func plotFiles() throws {
        let temporary = try TemporaryDirectory(prefix: "perceptrons")
        defer { temporary.remove() }
        let dir = temporary.url
        let plot = StepSigmoidSketch.plot()
        try plot.write(to: dir.appendingPathComponent("s.svg").path)
        try plot.write(to: dir.appendingPathComponent("s.png").path)
        let svg = try String(contentsOf: dir.appendingPathComponent("s.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("step(z)"))
        let png = try Data(contentsOf: dir.appendingPathComponent("s.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(throws: PlotFileError.self) { try plot.write(to: dir.appendingPathComponent("s.txt").path) }
        #expect(throws: PlotFileError.self) { try plot.write(to: "/nonexistent-dir/s.svg") }
    }
}
