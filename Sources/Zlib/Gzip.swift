import CZlib
import Foundation

/// Decompression and compression through zlib, the one C library BackpropLab uses.
public enum Zlib {
    /// Whether `data` starts with the gzip magic bytes 1f 8b.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed content of a gzip (or zlib) stream.
    ///
    /// Output grows in chunks as zlib produces it, so nothing is allocated from sizes
    /// claimed by the stream itself; `limit` caps the output (a "zip bomb" or a
    /// corrupt length fails instead of exhausting memory).
    ///
    /// - Throws: `ZlibError` for a corrupt or truncated stream, or output over `limit`.
    public static func gunzip(_ data: Data, limit: Int = 1 << 30) throws(ZlibError) -> Data {
        var stream = z_stream()
        // 15 + 32: accept gzip or zlib headers, detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .init("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }

        var output = Data()
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var input = [UInt8](data)
        var status: Int32 = Z_OK
        try input.withUnsafeMutableBufferPointer { (inputBuffer) throws(ZlibError) in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkSize)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return chunkSize - Int(stream.avail_out)
                }
                switch status {
                case Z_OK, Z_STREAM_END:
                    break
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw ZlibError("the compressed stream is truncated")
                default:
                    throw ZlibError("the compressed stream is corrupt (\(message(stream.msg) ?? "zlib error \(status)"))")
                }
                guard output.count + produced <= limit else {
                    throw ZlibError("decompresses to more than \(limit) bytes")
                }
                output.append(contentsOf: chunk[0..<produced])
                if status != Z_STREAM_END && stream.avail_in == 0 && produced == 0 {
                    throw ZlibError("the compressed stream is truncated")
                }
            } while status != Z_STREAM_END
        }
        return output
    }

    /// The zlib-format (RFC 1950) compression of `data`, as PNG's IDAT chunks need.
    public static func deflate(_ data: Data, level: Int32 = Z_DEFAULT_COMPRESSION) throws(ZlibError) -> Data {
        var input = [UInt8](data)
        var bound = Int(compressBound(uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeMutableBufferPointer { inp in
                var length = uLongf(bound)
                let status = compress2(out.baseAddress, &length, inp.baseAddress, uLong(inp.count), level)
                bound = Int(length)
                return status
            }
        }
        guard status == Z_OK else { throw .init("zlib could not compress (error \(status))") }
        return Data(output[0..<bound])
    }

    /// The gzip-format (RFC 1952) compression of `data`, e.g. to write `.gz` test files.
    public static func gzip(_ data: Data) throws(ZlibError) -> Data {
        var stream = z_stream()
        // 15 + 16: write a gzip header and trailer.
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .init("zlib could not start compressing")
        }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let outputCount = output.count
        let (status, written) = input.withUnsafeMutableBufferPointer { inp in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = inp.baseAddress
                stream.avail_in = UInt32(inp.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(outputCount)
                let status = CZlib.deflate(&stream, Z_FINISH)
                return (status, outputCount - Int(stream.avail_out))
            }
        }
        guard status == Z_STREAM_END else { throw .init("zlib could not compress (error \(status))") }
        return Data(output[0..<written])
    }

    /// The CRC-32 of `data` (as in PNG chunks and gzip trailers).
    public static func crc32(_ data: Data, continuing crc: UInt32 = 0) -> UInt32 {
        data.withUnsafeBytes { bytes in
            UInt32(CZlib.crc32(uLong(crc), bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count)))
        }
    }

    private static func message(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// A zlib failure, as one phrase ("the compressed stream is truncated").
public struct ZlibError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
