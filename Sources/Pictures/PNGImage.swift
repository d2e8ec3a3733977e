import Foundation
import Zlib

/// An 8-bit RGB image that encodes itself as a real PNG (signature, IHDR, IDAT through
/// zlib, IEND, each chunk with its CRC-32), for digit grids and plots.
public struct PNGImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Red, green, blue bytes per pixel, row by row from the top.
    public private(set) var pixels: [UInt8]

    /// A `width` × `height` image filled with one colour (white by default).
    /// Sizes below 1 become 1.
    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8) = (255, 255, 255)) {
        self.width = max(1, width)
        self.height = max(1, height)
        pixels = [UInt8](repeating: 0, count: self.width * self.height * 3)
        for i in stride(from: 0, to: pixels.count, by: 3) {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = fill
        }
    }

    /// Sets pixel (x, y); coordinates outside the image are ignored.
    public mutating func set(x: Int, y: Int, _ rgb: (UInt8, UInt8, UInt8)) {
        guard (0..<width).contains(x), (0..<height).contains(y) else { return }
        let i = (y * width + x) * 3
        (pixels[i], pixels[i + 1], pixels[i + 2]) = rgb
    }

    /// The colour at pixel (x, y), or `nil` outside the image.
    public func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8)? {
        guard (0..<width).contains(x), (0..<height).contains(y) else { return nil }
        let i = (y * width + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// The PNG file's bytes.
    public func pngData() throws(ZlibError) -> Data {
        var raw = Data(capacity: height * (width * 3 + 1))
        for y in 0..<height {
            raw.append(0)  // filter type: none
            raw.append(contentsOf: pixels[(y * width * 3)..<((y + 1) * width * 3)])
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8-bit, truecolour, deflate, no filter, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", try Zlib.deflate(raw))
        png.appendChunk("IEND", Data())
        return png
    }
}

extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        let typeAndBody = Data(type.utf8) + body
        append(typeAndBody)
        appendBigEndian(Zlib.crc32(typeAndBody))
    }
}
