import BackpropEngine
import Datasets
import Foundation
import Testing
import Zlib
import TestSupport

@Suite("IDX files: valid and every kind of broken")
struct IDXFileTests {
    /// The error loading `bytes` written to a file gives, as "FILE: problem".
    func loadError(_ bytes: Data, name: String = "broken-idx3-ubyte") throws -> DatasetError {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(name, bytes)
        let error = try #require(throws: DatasetError.self) { try IDXFile.load(path: path) }
        #expect(error.file == path)
        #expect(error.description.hasPrefix(path + ": "))
        #expect(!error.description.contains("\n"))
        return error
    }

    @Test("a valid file round-trips, plain and gzipped")
    func valid() throws {
        let images = try #require(Synthetic.images(count: 5))
        #expect(images.dimensions == [5, 4, 3])
        #expect(images.count == 5)
        let encoded = images.encoded()
        #expect(encoded.prefix(4) == Data([0, 0, 8, 3]))  // magic 0x00000803
        #expect(encoded.count == 4 + 3 * 4 + 60)
        #expect(try IDXFile(parsing: encoded) == images)
        #expect(try IDXFile(parsing: Zlib.gzip(encoded)) == images)

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(try IDXFile.load(path: directory.write("a", encoded)) == images)
        #expect(try IDXFile.load(path: directory.write("a.gz", Zlib.gzip(encoded))) == images)
        let labels = try #require(Synthetic.labels(count: 5))
        #expect(labels.encoded().prefix(4) == Data([0, 0, 8, 1]))  // magic 0x00000801
    }

    @Test("shapes that disagree with the data are refused by the memberwise initializer")
    func memberwise() {
        #expect(IDXFile(dimensions: [2, 2], data: [1, 2, 3]) == nil)
        #expect(IDXFile(dimensions: [], data: []) == nil)
        #expect(IDXFile(dimensions: [-1], data: []) == nil)
        #expect(IDXFile(dimensions: [Int.max, 2], data: []) == nil)
    }

    @Test("wrong magic number")
    func wrongMagic() throws {
        var bytes = try #require(Synthetic.images(count: 2)).encoded()
        bytes[0] = 0x1F  // not gzip: 1f 00
        var error = try loadError(bytes)
        #expect(error.problem.contains("not an IDX file: magic number 0x1F000803"))
        error = try loadError(Data("hello, world".utf8))
        #expect(error.problem.contains("not an IDX file"))
        bytes[0] = 0
        bytes[2] = 0x0D  // floats
        error = try loadError(bytes)
        #expect(error.problem.contains("data type 0x0D"))
        bytes[2] = 0x08
        bytes[3] = 0  // no dimensions
        error = try loadError(bytes)
        #expect(error.problem.contains("0 dimensions"))
    }

    @Test("truncated header")
    func truncatedHeader() throws {
        var error = try loadError(Data([0, 0, 8]))
        #expect(error.problem.contains("is truncated: 3 bytes"))
        error = try loadError(Synthetic.header([60_000, 28, 28]).prefix(10))
        #expect(error.problem == "has a truncated header: 3 dimensions need 16 header bytes, the file has 10")
    }

    @Test("truncated body, and extra bytes after it")
    func truncatedBody() throws {
        let bytes = try #require(Synthetic.images(count: 5)).encoded()
        var error = try loadError(bytes.dropLast(7))
        #expect(error.problem == "is truncated: its header (5 × 4 × 3) promises 60 data bytes, only 53 follow")
        error = try loadError(bytes + Data([1, 2]))
        #expect(error.problem.contains("longer than its header says"))
        // The same in a gzipped file.
        error = try loadError(Zlib.gzip(bytes.dropLast(1)), name: "broken.gz")
        #expect(error.problem.contains("only 59 follow"))
    }

    @Test("dimension product overflowing Int")
    func overflow() throws {
        let max = UInt32.max
        let error = try loadError(Synthetic.header([max, max, max]) + Data([1, 2, 3]))
        #expect(error.problem == "has dimensions 4294967295 × 4294967295 × 4294967295 whose product overflows")
    }

    @Test("a header claiming gigabytes is checked against the file, not allocated")
    func claimsGigabytes() throws {
        // 4,294,967,295 × 255 × 255 bytes ≈ 279 TB claimed by a 20-byte file.
        var error = try loadError(Synthetic.header([UInt32.max, 255, 255]) + Data([1, 2, 3, 4]))
        #expect(error.problem.contains("promises 279280248357375 data bytes, only 4 follow"))
        // 1 GiB claimed by a small gzip stream.
        error = try loadError(Zlib.gzip(Synthetic.header([1 << 30])), name: "labels.gz")
        #expect(error.problem.contains("promises 1073741824 data bytes, only 0 follow"))
    }

    @Test("corrupt gzip stream")
    func corruptGzip() throws {
        let intact = try Zlib.gzip(#require(Synthetic.images(count: 50)).encoded())
        var packed = intact
        packed[packed.startIndex + 15] ^= 0xFF
        var error = try loadError(packed, name: "images.gz")
        #expect(error.problem.hasPrefix("is not a valid gzip file"))
        error = try loadError(intact.prefix(intact.count / 2), name: "images.gz")
        #expect(error.problem.contains("truncated"))
        error = try loadError(Data([0x1F, 0x8B]), name: "tiny.gz")
        #expect(error.problem.hasPrefix("is not a valid gzip file"))
    }

    @Test("empty file")
    func empty() throws {
        #expect(try loadError(Data()).problem == "is empty")
        #expect(try loadError(Zlib.gzip(Data()), name: "empty.gz").problem == "is empty")
    }

    @Test("a directory, a missing file, an unreadable file")
    func notReadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var error = try #require(throws: DatasetError.self) { try IDXFile.load(path: directory.path) }
        #expect(error.description == "\(directory.path): is a directory, not a data file")
        let missing = directory.file("missing-idx1-ubyte")
        error = try #require(throws: DatasetError.self) { try IDXFile.load(path: missing) }
        #expect(error.description == "\(missing): no such file")

        let locked = try directory.write("locked", #require(Synthetic.labels(count: 3)).encoded())
        #expect(chmod(locked, 0) == 0)
        // Tests may run as root, who can read any file: then this one case cannot be
        // produced, so it is only checked for an ordinary user.
        if geteuid() != 0 {
            error = try #require(throws: DatasetError.self) { try IDXFile.load(path: locked) }
            #expect(error.description == "\(locked): cannot be read: permission denied")
        }
    }

    @Test("no input makes the parser trap: every prefix of a valid file is an error or a success")
    func everyPrefix() throws {
        let bytes = try #require(Synthetic.images(count: 2, rows: 2, columns: 2)).encoded()
        for cut in 0..<bytes.count {
            #expect(throws: DatasetError.self) { try IDXFile(parsing: bytes.prefix(cut)) }
        }
        #expect(try IDXFile(parsing: bytes).data.count == 8)
    }
}

@Suite("IDX files: random damage never traps")
struct IDXMutationTests {
    /// Flips, truncates and extends a valid file (plain and gzipped) a thousand
    /// times with a fixed seed: each result either parses to a consistent file or
    /// throws a `DatasetError` — it never traps or allocates from a wild header.
    @Test("seeded random mutations of valid files", arguments: [false, true])
    func mutations(gzip: Bool) throws {
        var generator = SeededGenerator(seed: gzip ? 2 : 1)
        let original = try #require(Synthetic.images(count: 3, rows: 3, columns: 2)).encoded()
        let source = gzip ? try Zlib.gzip(original) : original
        var parsed = 0, refused = 0
        for _ in 0..<1_000 {
            var bytes = source
            for _ in 0...Int.random(in: 0...3, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[bytes.startIndex + position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes = bytes.prefix(position)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: bytes.startIndex + position)
                default: bytes[bytes.startIndex + position] ^= 0x80
                }
                if bytes.isEmpty { break }
            }
            do {
                let file = try IDXFile(parsing: bytes)
                #expect(file.data.count == file.dimensions.reduce(1, *))
                parsed += 1
            } catch {
                #expect(!error.problem.isEmpty && !error.problem.contains("\n"))
                refused += 1
            }
        }
        #expect(parsed + refused == 1_000)
        #expect(refused > 500)
    }
}
