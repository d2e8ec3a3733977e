import Foundation
import Testing
@testable import BackpropEngine
import TestSupport

@Suite("Model files in network2.py's JSON layout")
final class ModelFileTests {
    /// This test's own directory, removed when the test ends.
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory(prefix: "model-file") }
    deinit { directory.remove() }

    func temporaryPath(_ name: String) -> String { directory.file(name) }

    @Test("save then load gives the same network bit for bit", arguments: Cost.allCases)
    func roundTrip(cost: Cost) throws {
        var network = try Network(sizes: [5, 7, 3], initializer: .scaled, cost: cost, seed: 99)
        network.biases[0][0] = .leastNonzeroMagnitude  // the smallest subnormal
        network.weights[1][0, 0] = -1.7976931348623157e308
        network.weights[0][1, 1] = 0.1
        let path = temporaryPath("model.json")
        try ModelFile.save(network, to: path)
        let loaded = try ModelFile.load(from: path)
        #expect(loaded.sizes == network.sizes && loaded.cost == cost)
        #expect(loaded.parameters.map(\.bitPattern) == network.parameters.map(\.bitPattern))
        // No temporary file is left beside it.
        let dir = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["model.json"])
    }

    @Test("a hand-written network2 file loads and gives the hand-computed output")
    func handWritten() throws {
        let json = """
        {"sizes": [2, 3, 1],
         "weights": [[[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]], [[0.7, -0.8, 0.9]]],
         "biases": [[[0.1], [-0.1], [0.2]], [[0.05]]],
         "cost": "QuadraticCost"}
        """
        let network = try ModelFile.decode(Data(json.utf8))
        #expect(network == (try fixedNetwork()))
        #expect(abs(network.feedforward([1, 2])[0] - 0.7313311590423831) < 1e-12)
    }

    @Test("a saved model has network2's shapes when Python's json.load reads it")
    func pythonReadsIt() throws {
        let python = TestProcess.python3
        let network = try Network(sizes: [4, 3, 2], cost: .crossEntropy, seed: 1)
        let path = temporaryPath("py.json")
        try ModelFile.save(network, to: path)
        guard let python else {
            // Without Python, check the same facts with Foundation's JSON parser.
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            #expect(object?["cost"] as? String == "CrossEntropyCost")
            return
        }
        let script = """
        import json, sys
        m = json.load(open(sys.argv[1]))
        assert m["sizes"] == [4, 3, 2], m["sizes"]
        assert [(len(w), len(w[0])) for w in m["weights"]] == [(3, 4), (2, 3)]
        assert [(len(b), len(b[0])) for b in m["biases"]] == [(3, 1), (2, 1)]
        assert m["cost"] == "CrossEntropyCost"
        print(repr(m["weights"][0][0][0]))
        """
        let result = try TestProcess.run(python, ["-c", script, path], timeout: .seconds(60))
        #expect(result.status == 0)
        let printed = result.stdout
        #expect(Double(printed.trimmingCharacters(in: .whitespacesAndNewlines)) == network.weights[0][0, 0])
    }

    static let broken: [(String, String)] = [
        ("{\"weights\": [], \"biases\": []}", "missing key \"sizes\""),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, 2]]], \"biases\": [[[0]]], \"cost\": \"HingeCost\"}", "unknown cost"),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, \"x\"]]], \"biases\": [[[0]]]}", "weights[0][0][1]"),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, NaN]]], \"biases\": [[[0]]]}", "not valid JSON"),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, 2, 3]]], \"biases\": [[[0]]]}", "w2 (layer 2) has shape (1, 3), expected (1, 2)"),
        ("{\"sizes\": [2, 2], \"weights\": [[[1, 2]]], \"biases\": [[[0]]]}", "b2 (layer 2) has 1 entries, expected 2"),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, 2]]], \"biases\": [[0]]}", "biases[0]"),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, 2]]], \"biases\": [[[0, 1]]]}", "not a column vector"),
        ("{\"sizes\": [2], \"weights\": [], \"biases\": []}", "at least two layers"),
        ("{\"sizes\": [2, 3, 1], \"weights\": [[[1, 2]]], \"biases\": [[[0]]]}", "expected 2 weight matrices"),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, 2], [3]]], \"biases\": [[[0]]]}", "rows of different lengths"),
        ("{\"sizes\": [2, 1], \"weights\": [[[1, 1e999]]], \"biases\": [[[0]]]}", "numbers beyond"),
        ("[1, 2, 3]", "top level"),
        ("", "not valid JSON"),
        ("{\"sizes\": [2, 1], ", "not valid JSON"),
    ]

    @Test("broken model files are rejected with a message naming the file and the problem",
          arguments: broken.indices)
    func brokenFiles(index: Int) throws {
        let (text, problem) = Self.broken[index]
        let path = temporaryPath("broken.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: ModelFileError.self) { try ModelFile.load(from: path) }
        #expect(error.file == path)
        #expect(error.description.hasPrefix(path + ": "))
        #expect(error.problem.contains(problem), "got: \(error.problem)")
        #expect(!error.description.contains("\n"))
    }

    @Test("a missing file and a directory are named as such")
    func missingAndDirectory() throws {
        let path = temporaryPath("absent.json")
        #expect(throws: ModelFileError(file: path, problem: "no such file")) { try ModelFile.load(from: path) }
        let dir = (path as NSString).deletingLastPathComponent
        #expect(throws: ModelFileError(file: dir, problem: "is a directory, not a model file")) { try ModelFile.load(from: dir) }
    }

    @Test("saving over an existing file replaces it whole; a NaN network is refused and leaves the old file")
    func atomicSave() throws {
        let path = temporaryPath("model.json")
        let first = try Network(sizes: [3, 2], seed: 1)
        try ModelFile.save(first, to: path)
        var poisoned = try Network(sizes: [3, 2], seed: 2)
        poisoned.weights[0][0, 0] = .nan
        #expect(throws: ModelFileError.self) { try ModelFile.save(poisoned, to: path) }
        #expect(try ModelFile.load(from: path) == first)
        let unwritable = "/proc/backproplab-cannot-write/model.json"
        #expect(throws: ModelFileError.self) { try ModelFile.save(first, to: unwritable) }
    }

    @Test("a NaN or infinite parameter is refused with an error naming it (network2 and book indices)")
    func nonFiniteIsNamed() throws {
        var network = try Network(sizes: [3, 4, 2], seed: 3)
        network.weights[1][1, 2] = .nan
        #expect(throws: ModelFileError(file: nil, problem:
            "weights[1][1][2] (the book's w3 row 2, column 3) is NaN; a model with NaN or infinite parameters is not saved")) {
            try ModelFile.encode(network)
        }
        network.weights[1][1, 2] = 0
        network.biases[0][3] = -.infinity
        #expect(throws: ModelFileError(file: nil, problem:
            "biases[0][3] (the book's b2 entry 4) is −∞; a model with NaN or infinite parameters is not saved")) {
            try ModelFile.encode(network)
        }
    }

    @Test("the file is network2.py's one-line layout, written by the JSON writer's compact form")
    func layout() throws {
        let w2 = try #require(Matrix(rowList: [[0.5, -1.0], [2.0, 0.1]]))
        let w3 = try #require(Matrix(rowList: [[1e-05, 3.0]]))
        let network = try Network(sizes: [2, 2, 1], biases: [[0.25, -0.5], [7.0]], weights: [w2, w3], cost: .crossEntropy)
        #expect(try ModelFile.encode(network) == """
            {"sizes": [2, 2, 1], "weights": [[[0.5, -1.0], [2.0, 0.1]], [[1e-05, 3.0]]], \
            "biases": [[[0.25], [-0.5]], [[7.0]]], "cost": "CrossEntropyCost"}

            """)
    }
}
