import Foundation
import Files
import JSONOutput

/// Model files in the JSON layout of the book's `network2.py` (`Network.save` / `load`):
///
///     {"sizes": [2, 3, 1],
///      "weights": [[[w11, w12], [w21, w22], [w31, w32]], [[...]]],
///      "biases": [[[b1], [b2], [b3]], [[b1]]],
///      "cost": "QuadraticCost"}
///
/// Weights are nested row lists of shape (y, x); biases are column vectors of shape
/// (y, 1). The text is written by `JSONOutput`'s one writer: Doubles in Swift's shortest
/// round-trip form, so a saved network loads back bit for bit. NaN and ±∞ are rejected
/// both ways (saving names the parameter).
public enum ModelFile {
    /// The largest model file `load` will read (a [784, 100, 10] net is about 2 MB).
    public static let maximumFileSize = 1 << 30

    /// The JSON text of `network` in `network2.py`'s layout: `Node`'s compact form
    /// (one line, `", "` and `": "` separators, as `json.dump` writes it), ending in a newline.
    ///
    /// - Throws: `ModelFileError` naming the first NaN or infinite weight or bias: the
    ///   JSON writer could hold it as a string, but a model with NaN is not a model, and
    ///   no reader of `network2` files would take it.
    public static func encode(_ network: Network) throws(ModelFileError) -> String {
        return try node(network).text(.compact) + "\n"
    }

    /// The model as a JSON object (`encode`'s content), for files that add keys to it
    /// (checkpoints).
    ///
    /// - Throws: `ModelFileError` naming the first NaN or infinite weight or bias.
    public static func node(_ network: Network) throws(ModelFileError) -> Node {
        if let problem = nonFiniteParameter(network) {
            throw ModelFileError(file: nil, problem: "\(problem); a model with NaN or infinite parameters is not saved")
        }
        let weights = network.weights.map { w in Node.array(w.rowList.map(Node.numbers)) }
        let biases = network.biases.map { b in Node.array(b.elements.map { .numbers([$0]) }) }
        return .object([
            "sizes": .array(network.sizes.map(Node.integer)),
            "weights": .array(weights),
            "biases": .array(biases),
            "cost": .string(network.cost.network2Name),
        ])
    }

    /// "weights[0][1][2] (the book's w²₂₃) is NaN", naming the first parameter that is
    /// not finite in `network2.py`'s indices and the book's (1-based j, k), or nil.
    static func nonFiniteParameter(_ network: Network) -> String? {
        func value(_ v: Double) -> String { v.isNaN ? "NaN" : v > 0 ? "+∞" : "−∞" }
        for (i, w) in network.weights.enumerated() {
            if let at = w.elements.firstIndex(where: { !$0.isFinite }) {
                let (j, k) = at.quotientAndRemainder(dividingBy: max(w.columns, 1))
                return "weights[\(i)][\(j)][\(k)] (the book's w\(i + 2) row \(j + 1), column \(k + 1)) is \(value(w.elements[at]))"
            }
        }
        for (i, b) in network.biases.enumerated() {
            if let j = b.elements.firstIndex(where: { !$0.isFinite }) {
                return "biases[\(i)][\(j)] (the book's b\(i + 2) entry \(j + 1)) is \(value(b.elements[j]))"
            }
        }
        return nil
    }

    /// Writes `network` to `path` atomically: a temporary file beside it, then a rename,
    /// so `path` holds either its previous content or the whole new model, never a part.
    public static func save(_ network: Network, to path: String) throws(ModelFileError) {
        let text = try encode(network)
        try AtomicFile.write(Data(text.utf8), to: path)
    }

    /// Reads a network from a `network2.py`-layout JSON file.
    ///
    /// - Throws: `ModelFileError` naming the file and the problem: missing file,
    ///   invalid JSON (including NaN/Infinity), missing keys, non-numbers, an unknown
    ///   cost, or shapes that disagree with `sizes`.
    public static func load(from path: String) throws(ModelFileError) -> Network {
        let data = try readFile(path)
        do {
            return try decode(data)
        } catch {
            throw error.naming(path)
        }
    }

    /// Decodes a network from JSON bytes in `network2.py`'s layout.
    public static func decode(_ data: Data) throws(ModelFileError) -> Network {
        struct Layout: Decodable {
            var sizes: [Int]
            var weights: [[[Double]]]
            var biases: [[[Double]]]
            var cost: String?
        }
        let layout: Layout
        do {
            layout = try JSONDecoder().decode(Layout.self, from: data)
        } catch let error as DecodingError {
            throw ModelFileError(file: nil, problem: describe(error))
        } catch {
            throw ModelFileError(file: nil, problem: "not valid JSON")
        }
        let cost: Cost
        switch layout.cost {
        case nil: cost = .quadratic
        case let name?:
            guard let named = Cost(network2Name: name) else {
                throw ModelFileError(file: nil, problem: "unknown cost \"\(name)\"; expected \"QuadraticCost\" or \"CrossEntropyCost\"")
            }
            cost = named
        }
        var weights: [Matrix] = []
        for (i, rows) in layout.weights.enumerated() {
            guard let w = Matrix(rowList: rows) else {
                throw ModelFileError(file: nil, problem: "weights[\(i)] (w\(i + 2)) has rows of different lengths")
            }
            weights.append(w)
        }
        var biases: [Vector] = []
        for (i, column) in layout.biases.enumerated() {
            guard column.allSatisfy({ $0.count == 1 }) else {
                throw ModelFileError(file: nil, problem: "biases[\(i)] (b\(i + 2)) is not a column vector: every entry must be a one-element list like [0.5]")
            }
            biases.append(Vector(column.map { $0[0] }))
        }
        let network: Network
        do {
            network = try Network(sizes: layout.sizes, biases: biases, weights: weights, cost: cost)
        } catch {
            throw ModelFileError(file: nil, problem: "\(error)")
        }
        guard network.isFinite else {
            throw ModelFileError(file: nil, problem: "a weight or bias is not a finite number")
        }
        return network
    }

    /// A readable sentence for a decoding error, with the JSON path it happened at.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, _):
            return "missing key \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let at = path(context.codingPath)
            return at.isEmpty ? "the top level must be a JSON object" : "\(at) is not the expected kind of value (numbers in nested lists)"
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            return at.isEmpty ? "not valid JSON (NaN, Infinity and numbers beyond ±1.8e308 are not allowed)" : "\(at) is not a valid number"
        @unknown default:
            return "not a network2 model file"
        }
    }
}

/// A model file could not be read or written (see `FileError` in `Files`).
public typealias ModelFileError = FileError

extension ModelFile {
    /// The whole content of `path`, refusing directories and files over `maximumFileSize`.
    static func readFile(_ path: String) throws(ModelFileError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ModelFileError(file: path, problem: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ModelFileError(file: path, problem: "is a directory, not a model file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumFileSize else {
            throw ModelFileError(file: path, problem: "is \(size) bytes, larger than any model this tool reads (\(maximumFileSize) bytes)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ModelFileError(file: path, problem: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw ModelFileError(file: path, problem: "cannot be read: \(error.localizedDescription)")
        }
    }
}
