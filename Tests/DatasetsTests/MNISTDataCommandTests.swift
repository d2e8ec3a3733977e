import Datasets
import Foundation
import Testing
import Zlib
import TestSupport

/// The `mnist-data` executable built beside the test runner, if it is there.
let mnistDataTool: URL? = BuiltExecutable.url("mnist-data")

@Suite("mnist-data: bad files give one line and exit status 2",
       .enabled(if: mnistDataTool != nil, "the mnist-data executable is not built beside the tests; skipped"))
struct MNISTDataCommandTests {
    /// Runs the tool; returns its exit status, stdout and stderr.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let result = try TestProcess.run(built: "mnist-data", arguments, environment: environment, timeout: .seconds(120))
        return (result.status, result.stdout, result.stderr)
    }

    @Test("each broken IDX file: status 2, one line naming the file")
    func brokenFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let valid = try #require(Synthetic.images(count: 2)).encoded()
        let cases: [(String, Data, String)] = [
            ("empty", Data(), "is empty"),
            ("magic", Data("hello".utf8), "is not an IDX file"),
            ("header", valid.prefix(9), "has a truncated header"),
            ("body", valid.dropLast(), "is truncated"),
            ("huge", Synthetic.header([UInt32.max, 255, 255]), "is truncated: its header (4294967295 × 255 × 255) promises"),
            ("gzip.gz", try Zlib.gzip(valid).prefix(20), "is not a valid gzip file"),
        ]
        for (name, bytes, problem) in cases {
            let path = try directory.write(name, bytes)
            let (status, stdout, stderr) = try run(["--idx", path])
            #expect(status == 2, "\(name)")
            #expect(stdout.isEmpty)
            #expect(stderr.hasPrefix("error: \(path): \(problem)"), "\(name): \(stderr)")
            #expect(stderr.filter { $0 == "\n" }.count == 1)
        }
        let (status, _, stderr) = try run(["--idx", directory.path])
        #expect(status == 2 && stderr == "error: \(directory.path): is a directory, not a data file\n")
    }

    @Test("no data: status 2 and how to get it; a good directory: the split")
    func dataDirectory() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        var (status, _, stderr) = try run([], environment: ["HOME": home.path])
        #expect(status == 2)
        #expect(stderr.contains("run `mnist download`"))
        try FileManager.default.createDirectory(atPath: home.file("data"), withIntermediateDirectories: true)
        try Synthetic.writeMNIST(into: TemporaryDirectory(existing: home.file("data")), training: 10_003, test: 4, gzip: true)
        let stdout: String
        (status, stdout, stderr) = try run([], environment: ["HOME": home.path, "BACKPROPLAB_DATA": home.file("data")])
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("(chosen by BACKPROPLAB_DATA)"))
        #expect(stdout.contains("split: 3 training, 10000 validation, 4 test"))
    }
}
