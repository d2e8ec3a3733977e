import Foundation
import Testing
import Zlib

@Suite("zlib: gunzip, gzip, deflate, CRC-32")
struct GzipTests {
    let sample = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) })

    @Test("gzip then gunzip gives the original bytes")
    func roundTrip() throws {
        let packed = try Zlib.gzip(sample)
        #expect(Zlib.isGzip(packed))
        #expect(packed.count < sample.count)
        #expect(try Zlib.gunzip(packed) == sample)
        #expect(try Zlib.gunzip(Zlib.deflate(sample)) == sample)  // zlib headers are accepted too
        #expect(try Zlib.gunzip(Zlib.gzip(Data())) == Data())
    }

    @Test("a truncated stream is an error, not a short result")
    func truncated() throws {
        let packed = try Zlib.gzip(sample)
        for cut in [10, packed.count / 2, packed.count - 1] {
            #expect(throws: ZlibError.self) { try Zlib.gunzip(packed.prefix(cut)) }
        }
    }

    @Test("a corrupt stream is an error")
    func corrupt() throws {
        var packed = try Zlib.gzip(sample)
        packed[packed.startIndex + 20] ^= 0xFF
        packed[packed.startIndex + 21] ^= 0xFF
        #expect(throws: ZlibError.self) { try Zlib.gunzip(packed) }
        #expect(throws: ZlibError.self) { try Zlib.gunzip(Data("not gzip at all".utf8)) }
    }

    @Test("output beyond the limit is refused")
    func limit() throws {
        let bomb = try Zlib.gzip(Data(count: 1 << 20))
        #expect(throws: ZlibError.self) { try Zlib.gunzip(bomb, limit: 1000) }
        #expect(try Zlib.gunzip(bomb, limit: 1 << 20).count == 1 << 20)
    }

    @Test("CRC-32 of the standard check string")
    func crc() {
        #expect(Zlib.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
    }
}
