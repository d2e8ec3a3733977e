import Foundation

/// Model files in the JSON layout of the book's `network2.py` (`Network.save` / `load`):
///
///     {"sizes": [2, 3, 1],
///      "weights": [[[w11, w12], [w21, w22], [w31, w32]], [[...]]],
///      "biases": [[[b1], [b2], [b3]], [[b1]]],
///      "cost": "QuadraticCost"}
///
/// Weights are nested row lists of shape (y, x); biases are column vectors of shape
/// (y, 1). Doubles are written in Swift's shortest round-trip form, so a saved
/// network loads back bit for bit. NaN and ±∞ are rejected both ways.
public enum ModelFile {
    /// The largest model file `load` will read (a [784, 100, 10] net is about 2 MB).
    public static let maximumFileSize = 1 << 30

    /// The JSON text of `network` in `network2.py`'s layout.
    ///
    /// - Throws: `ModelFileError.notFinite` if a weight or bias is NaN or infinite
    ///   (JSON cannot hold them).
    public static func encode(_ network: Network) throws(ModelFileError) -> String {
        guard network.isFinite else {
            throw ModelFileError(file: nil, problem: "the network has a NaN or infinite weight or bias; JSON cannot hold it")
        }
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        let sizes = list(network.sizes.map(String.init))
        let weights = list(network.weights.map { w in list(w.rowList.map { row in list(row.map(\.description)) }) })
        let biases = list(network.biases.map { b in list(b.elements.map { "[\($0.description)]" }) })
        return "{\"sizes\": \(sizes), \"weights\": \(weights), \"biases\": \(biases), \"cost\": \"\(network.cost.network2Name)\"}\n"
    }

    /// Writes `network` to `path` atomically: a temporary file beside it, then a rename,
    /// so `path` holds either its previous content or the whole new model, never a part.
    public static func save(_ network: Network, to path: String) throws(ModelFileError) {
        let text = try encode(network)
        try writeAtomically(Data(text.utf8), to: path)
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

/// A model file could not be read or written (see `FileError`).
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

    /// Writes `data` to a temporary file in `path`'s directory, then renames it over
    /// `path`: readers see the old file or the new one, never a half-written one.
    public static func writeAtomically(_ data: Data, to path: String) throws(ModelFileError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw ModelFileError(file: path, problem: "cannot be written: \(reason)")
            }
        } catch let error as ModelFileError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ModelFileError(file: path, problem: "cannot be written: \(error.localizedDescription)")
        }
    }
}
