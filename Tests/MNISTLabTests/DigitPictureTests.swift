import BackpropEngine
import Foundation
import MNISTLab
import Testing

@Suite struct DigitPictureTests {
    /// A 28×28 image with ink in rows 0 and 3 (columns 0–3) only.
    func sample() -> Vector {
        Vector((0..<784).map { p in (p / 28 == 0 || p / 28 == 3) && p % 28 < 4 ? 1.0 : 0.0 })
    }

    @Test func halfBlocksPackTwoPixelRowsPerLine() {
        let lines = DigitPicture.lines(sample())
        #expect(lines.count == 14)
        #expect(lines.allSatisfy { $0.count == 28 })
        #expect(lines[0].hasPrefix("▀▀▀▀ "))
        #expect(lines[1].hasPrefix("▄▄▄▄ "))
        #expect(lines[2].allSatisfy { $0 == " " })
    }

    @Test func textPutsCaptionsUnderFramedDigits() {
        let text = DigitPicture.text([(sample(), "4 → 9"), (sample(), "7 → 1")])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 15)
        #expect(lines[0].hasPrefix("│▀▀▀▀"))
        #expect(lines[14].contains("4 → 9") && lines[14].contains("7 → 1"))
    }

    @Test func gridIsARealPNGWithTheDigitsInIt() throws {
        let image = DigitPicture.grid([sample(), sample(), sample()], columns: 2, scale: 2)
        #expect(image.width == 2 * (28 * 2 + 2) + 2)
        #expect(image.height == 2 * (28 * 2 + 2) + 2)
        #expect(image.pixel(x: 2, y: 2).map { $0.0 } == 255)  // ink at the first cell's corner
        #expect(image.pixel(x: 2, y: 2 + 4).map { $0.0 } == 0)  // row 2 of the digit is blank
        let png = try image.pngData()
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }
}
