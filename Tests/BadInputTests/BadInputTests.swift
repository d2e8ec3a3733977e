import Foundation
import TestSupport
import Testing
import Zlib

/// Issue 9's catalogue of mistakes a student makes, fed to the real executables:
/// every one gets a clear one-line message naming the file or flag and the problem,
/// and a non-zero status (2 for a bad file, 64 for a bad flag) — never a trap.
@Suite("Bad input: broken files and bad flags get one clear line")
struct BadInputTests {
    static func run(_ executable: String, _ arguments: [String]) throws -> ChildResult {
        try TestProcess.run(built: executable, arguments, timeout: .seconds(120))
    }

    // MARK: Broken MNIST files

    /// A directory with four small valid IDX files, one of which the test then breaks
    /// (the caller removes it).
    static func mnistDirectory(replacing name: String, with bytes: Data?) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "bad-input"), dir = directory.url
        func images(_ n: Int) -> Data { header([0x08, 0x03], [n, 28, 28]) + Data((0..<(n * 784)).map { UInt8($0 % 251) }) }
        func labels(_ n: Int) -> Data { header([0x08, 0x01], [n]) + Data((0..<n).map { UInt8($0 % 10) }) }
        let files = ["train-images-idx3-ubyte": images(30), "train-labels-idx1-ubyte": labels(30),
                     "t10k-images-idx3-ubyte": images(10), "t10k-labels-idx1-ubyte": labels(10)]
        for (file, data) in files where file != name {
            try data.write(to: dir.appendingPathComponent(file))
        }
        if let bytes { try bytes.write(to: dir.appendingPathComponent(name)) }
        return directory
    }

    static func header(_ typeAndRank: [UInt8], _ dimensions: [Int]) -> Data {
        var data = Data([0, 0] + typeAndRank)
        for d in dimensions { data.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: d >> $0) }) }
        return data
    }

    static let labelsFile = "train-labels-idx1-ubyte"
    static let imagesFile = "train-images-idx3-ubyte"

    static let brokenIDX: [(String, String, Data?, String)] = [
        ("wrong magic", imagesFile, header([0x08, 0x02], [30, 28]) + Data(count: 840), "magic"),
        ("truncated header", imagesFile, Data([0, 0, 8, 3, 0, 0, 0]), "header"),
        ("truncated body", imagesFile, header([0x08, 0x03], [30, 28, 28]) + Data(count: 100), "bytes"),
        ("dimension product overflows", imagesFile, header([0x08, 0x03], [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF]), "overflow"),
        ("header claims gigabytes", imagesFile, header([0x08, 0x03], [4_000_000, 28, 28]) + Data(count: 784), "bytes"),
        ("labels > 9", labelsFile, header([0x08, 0x01], [30]) + Data(repeating: 12, count: 30), "label"),
        ("image/label count mismatch", labelsFile, header([0x08, 0x01], [29]) + Data(repeating: 1, count: 29), "29"),
        ("corrupt gzip", labelsFile, Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]), "gzip"),
        ("empty file", labelsFile, Data(), "empty"),
        ("missing file", labelsFile, nil, "no such file"),
    ]

    @Test("a broken MNIST file stops `mnist` with status 2 and one line naming it", arguments: brokenIDX.indices)
    func brokenIDXFile(index: Int) throws {
        let (what, file, bytes, problem) = Self.brokenIDX[index]
        let directory = try Self.mnistDirectory(replacing: file, with: bytes), dir = directory.path
        defer { directory.remove() }
        let result = try Self.run("mnist", ["baselines", "--data", dir])
        #expect(result.status == 2, "\(what): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(what): \(result.stderr)")
        #expect(result.stderr.contains("\(dir)/\(file)"), "\(what): \(result.stderr)")
        #expect(result.stderr.lowercased().contains(problem), "\(what): \(result.stderr)")
    }

    @Test("a directory where a file should be is named as such")
    func directoryInsteadOfFile() throws {
        let directory = try Self.mnistDirectory(replacing: Self.labelsFile, with: nil), dir = directory.path
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: "\(dir)/\(Self.labelsFile)", withIntermediateDirectories: false)
        let result = try Self.run("mnist", ["baselines", "--data", dir])
        #expect(result.status == 2)
        #expect(result.stderr.contains("directory"), "\(result.stderr)")
    }

    // MARK: Broken model files

    static let brokenModels: [(String, String, String)] = [
        ("syntax error", "{\"sizes\": [784, 30, 10], ", "not valid JSON"),
        ("NaN", "{\"sizes\": [2, 1], \"weights\": [[[NaN, 1]]], \"biases\": [[[0]]]}", "not valid JSON"),
        ("wrong shapes", "{\"sizes\": [2, 1], \"weights\": [[[1, 2, 3]]], \"biases\": [[[0]]]}", "expected (1, 2)"),
        ("huge layer", "{\"sizes\": [784, 100000000, 10], \"weights\": [], \"biases\": []}", "expected 2 weight matrices"),
        ("missing key", "{\"sizes\": [2, 1], \"biases\": [[[0]]]}", "missing key \"weights\""),
    ]

    @Test("a broken model file stops every tool that reads one with status 2",
          arguments: brokenModels.indices, ["mnist", "gradcheck", "backprop-trace"])
    func brokenModel(index: Int, tool: String) throws {
        let (what, text, problem) = Self.brokenModels[index]
        let directory = try TemporaryDirectory(prefix: "bad-model")
        defer { directory.remove() }
        let path = try directory.write("model.json", Data(text.utf8))
        let arguments = tool == "mnist" ? ["evaluate", "--model", path, "--data", "/nonexistent"] : ["--model", path]
        let result = try Self.run(tool, arguments)
        #expect(result.status == 2, "\(tool), \(what): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(tool), \(what): \(result.stderr)")
        #expect(result.stderr.contains(path) && result.stderr.contains(problem), "\(tool), \(what): \(result.stderr)")
    }

    // MARK: Bad flags

    static let badFlags: [(String, [String], String)] = [
        ("mnist", ["train", "--sizes", "784,,10"], "not a whole number"),
        ("mnist", ["train", "--sizes", "0"], "1 to 100000 neurons"),
        ("mnist", ["train", "--sizes=-3"], "1 to 100000 neurons"),
        ("mnist", ["train", "--sizes", "784"], "at least two layers"),
        ("mnist", ["train", "--sizes", "784,100000000,10"], "1 to 100000 neurons"),
        ("mnist", ["train", "--eta", "0"], "--eta must be a positive number"),
        ("mnist", ["train", "--eta=-3"], "--eta must be a positive number"),
        ("mnist", ["train", "--epochs", "0"], "--epochs must be between"),
        ("mnist", ["train", "--batch", "0"], "--batch must be between"),
        ("mnist", ["train", "--limit", "100", "--batch", "1000"], "--batch must be between"),
        ("mnist", ["train", "--cost", "hinge"], "'hinge' is invalid for '--cost"),
        ("gradcheck", ["--bug", "no-such-bug"], "'no-such-bug' is invalid for '--bug"),
        ("gradcheck", ["--sizes", "2,,1"], "not a whole number"),
        ("gradcheck", ["--epsilon", "0"], "--epsilon must be a positive number"),
        ("gradcheck", ["--batch", "0"], "--batch must be at least 1"),
        ("backprop-trace", ["--input", "1,2,3"], "has 3 numbers but the network has 2 inputs"),
        ("backprop-trace", ["--target", "1,2"], "2 numbers"),
        ("backprop-trace", ["--sizes", "2,0,1"], "1 to 100000 neurons"),
        ("xor", ["--eta=-1"], "--eta must be a positive number"),
        ("xor", ["--sizes", "3,1"], "must start with 2 inputs"),
        ("perceptrons", ["ripple", "--bits", "1000"], "--bits"),
        ("sigmoid-limit", ["--plot", "sketch.gif"], ".svg"),
        ("bench", ["--sizes", "100,10"], "784 inputs and 10 outputs"),
        ("bench", ["--fast-precision", "half"], "'half' is invalid for '--fast-precision"),
        ("bench", ["--batch", "0"], "--batch must be at least 1"),
        ("bench", ["--epochs-numpy-per-example=-1"], "--epochs-numpy-per-example must be at least 0"),
        ("bench", ["--limit", "0"], "--limit must be 1 to 50000, got 0"),
        ("bench", ["--limit", "50001"], "--limit must be 1 to 50000, got 50001"),
        ("bench", ["--format", "xml"], "'xml' is invalid for '--format"),
    ]

    @Test("a bad flag gets the argument parser's clear error and status 64", arguments: badFlags.indices)
    func badFlag(index: Int) throws {
        let (tool, arguments, message) = Self.badFlags[index]
        let result = try Self.run(tool, arguments)
        #expect(result.status == 64, "\(tool) \(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "), "\(tool) \(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(tool) \(arguments): \(result.stderr)")
    }
}
