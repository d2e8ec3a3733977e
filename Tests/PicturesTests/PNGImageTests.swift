import Foundation
import Testing
import Zlib
@testable import Pictures

@Suite("PNGImage")
struct PNGImageTests {
    @Test("a PNG has the signature, valid chunk CRCs and the pixels in its IDAT")
    func structure() throws {
        var image = PNGImage(width: 3, height: 2)
        image.set(x: 1, y: 0, (10, 20, 30))
        image.set(x: 5, y: 5, (1, 1, 1))  // outside: ignored
        let png = try image.pngData()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var offset = 8
        var types: [String] = []
        var idat = Data()
        let bytes = [UInt8](png)
        func u32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset < bytes.count {
            let length = u32(offset)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = Data(bytes[(offset + 4)..<(offset + 8 + length)])
            #expect(UInt32(u32(offset + 8 + length)) == Zlib.crc32(body), "CRC of \(type)")
            if type == "IDAT" { idat.append(body.dropFirst(4)) }
            types.append(type)
            offset += 12 + length
        }
        #expect(types == ["IHDR", "IDAT", "IEND"])
        let raw = [UInt8](try Zlib.gunzip(idat))
        #expect(raw.count == 2 * (1 + 3 * 3))
        #expect(Array(raw[4..<7]) == [10, 20, 30])
        #expect(raw[0] == 0 && raw[10] == 0)
    }
}

@Suite("Line plots")
struct LinePlotTests {
    @Test("ticks are round numbers covering the range")
    func ticks() {
        #expect(niceTicks(0, 1) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(niceTicks(-6, 6) == [-5, 0, 5])
        #expect(niceTicks(1, 1).isEmpty)
    }

    @Test("an SVG plot has one polyline per series and escapes text")
    func svg() {
        var plot = LinePlot(title: "a < b", xLabel: "epoch", yLabel: "accuracy")
        plot.add("σ", [(0, 0), (1, 0.5), (2, 1)])
        plot.add("step", [(0, 0), (2, 1)])
        let svg = plot.svg()
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        #expect(svg.contains("a &lt; b"))
    }
}
