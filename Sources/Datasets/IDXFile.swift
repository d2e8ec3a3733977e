import Foundation

/// A parsed IDX file, the format of the original MNIST distribution.
///
/// Layout (all integers big-endian):
///
///     offset 0   2 bytes  0x00 0x00
///     offset 2   1 byte   data type: 0x08 = unsigned byte (the only type MNIST uses)
///     offset 3   1 byte   number of dimensions d (MNIST: 3 for images, 1 for labels)
///     offset 4   4·d bytes  the size of each dimension, as UInt32
///     then       the data: d₀·d₁·…·d_{d−1} bytes, last dimension fastest
///
/// So MNIST's image files start with the magic number 0x00000803 and label files with
/// 0x00000801. Parsing checks the magic, that the header is complete, that the product
/// of the dimensions does not overflow, and that exactly that many data bytes follow —
/// all before allocating anything sized by the header (a header that claims gigabytes
/// in a small file is an error, not an allocation).
public struct IDXFile: Sendable, Equatable {
    /// The IDX type code for unsigned bytes.
    public static let unsignedByte: UInt8 = 0x08

    /// The size of each dimension, outermost first (MNIST images: [count, 28, 28]).
    public let dimensions: [Int]
    /// The data bytes, in row-major order (last dimension fastest).
    public let data: [UInt8]

    /// An IDX file of unsigned bytes with the given shape. Returns `nil` when the
    /// product of `dimensions` is not `data.count`, or a dimension is negative or
    /// does not fit in UInt32.
    public init?(dimensions: [Int], data: [UInt8]) {
        guard !dimensions.isEmpty, dimensions.count <= 255,
              dimensions.allSatisfy({ $0 >= 0 && $0 <= Int(UInt32.max) }),
              IDXFile.product(dimensions) == data.count else { return nil }
        self.dimensions = dimensions
        self.data = data
    }

    /// The number of items: the size of the first dimension.
    public var count: Int { dimensions.first ?? 0 }

    /// Parses the bytes of an IDX file, plain or gzip-compressed.
    ///
    /// - Throws: `DatasetError` (without a file name) saying what is wrong.
    public init(parsing bytes: Data) throws(DatasetError) {
        try self.init(plain: FileReader.decompressed(bytes))
    }

    /// Reads and parses the IDX file at `path` (plain or `.gz`, told apart by content).
    ///
    /// - Throws: `DatasetError` naming `path`: missing, a directory, unreadable, a
    ///   corrupt gzip stream, or any problem `init(parsing:)` finds.
    public static func load(path: String) throws(DatasetError) -> IDXFile {
        let bytes = try FileReader.contents(of: path)
        do {
            return try IDXFile(plain: bytes)
        } catch {
            throw error.naming(path)
        }
    }

    /// The IDX encoding of this file (uncompressed), e.g. to write test data.
    public func encoded() -> Data {
        var out = Data([0, 0, IDXFile.unsignedByte, UInt8(truncatingIfNeeded: dimensions.count)])
        for dimension in dimensions {
            let size = UInt32(truncatingIfNeeded: dimension)
            out.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) })
        }
        out.append(contentsOf: data)
        return out
    }

    /// Parses uncompressed IDX bytes.
    private init(plain bytes: Data) throws(DatasetError) {
        let total = bytes.count
        guard total > 0 else { throw DatasetError(file: nil, problem: "is empty") }
        func byte(_ offset: Int) -> UInt8 { bytes[bytes.startIndex + offset] }
        guard total >= 4 else {
            throw DatasetError(file: nil, problem: "is truncated: \(total) bytes, too short for the 4-byte IDX magic number")
        }
        let magic = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(byte($1)) }
        guard byte(0) == 0, byte(1) == 0 else {
            throw DatasetError(file: nil, problem: "is not an IDX file: magic number \(hex(magic)), expected 0x00000801 (labels) or 0x00000803 (images)")
        }
        guard byte(2) == IDXFile.unsignedByte else {
            throw DatasetError(file: nil, problem: "has IDX data type \(hex(UInt32(byte(2)), digits: 2)) (magic \(hex(magic))); only unsigned bytes (0x08) are supported")
        }
        let rank = Int(byte(3))
        guard rank > 0 else {
            throw DatasetError(file: nil, problem: "has an IDX header with 0 dimensions (magic \(hex(magic)))")
        }
        let headerSize = 4 + 4 * rank
        guard total >= headerSize else {
            throw DatasetError(file: nil, problem: "has a truncated header: \(rank) dimensions need \(headerSize) header bytes, the file has \(total)")
        }
        let dimensions = (0..<rank).map { d in
            (0..<4).reduce(0) { $0 << 8 | Int(byte(4 + 4 * d + $1)) }
        }
        let shape = dimensions.map(String.init).joined(separator: " × ")
        guard let dataSize = IDXFile.product(dimensions) else {
            throw DatasetError(file: nil, problem: "has dimensions \(shape) whose product overflows")
        }
        let available = total - headerSize
        guard available == dataSize else {
            let problem = available < dataSize
                ? "is truncated: its header (\(shape)) promises \(dataSize) data bytes, only \(available) follow"
                : "is longer than its header says: \(shape) is \(dataSize) data bytes, \(available) follow"
            throw DatasetError(file: nil, problem: problem)
        }
        // Only now, with the size checked against the real file, is anything allocated.
        self.dimensions = dimensions
        self.data = [UInt8](bytes.suffix(from: bytes.startIndex + headerSize))
    }

    /// d₀·d₁·…, or nil if it overflows `Int`.
    private static func product(_ dimensions: [Int]) -> Int? {
        var result = 1
        for d in dimensions {
            let (next, overflow) = result.multipliedReportingOverflow(by: d)
            guard !overflow else { return nil }
            result = next
        }
        return result
    }
}

private func hex(_ value: UInt32, digits: Int = 8) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
}
