import BackpropEngine
import Foundation
import GradientChecking
import JSONOutput

/// Version 1 of the line protocol between gradcheck and a program under test
/// (`docs/gradient-protocol.md` is the reference; this is its one implementation).
///
/// Every request is one line of JSON: the network in `network2.py`'s layout (`sizes`,
/// `weights`, `biases`, `cost`) plus `protocol`, `id`, `kind` and the data —
/// `x`, `y` as column vectors for `"kind": "backprop"`, or `xs`, `ys`, `eta`, `lambda`,
/// `n` for `"kind": "update_mini_batch"`. Every answer is one line of JSON: `nabla_b`,
/// `nabla_w` (or `biases`, `weights` after the step), or `{"declined": "why"}` for a
/// probe the program does not support, or `{"error": "why"}` to give up.
public enum GradientProtocol {
    public static let version = 1

    /// The request line for `probe` (no newline): the model file's object
    /// (`ModelFile.node`) with the request's keys added, written on one line by the one
    /// JSON writer. Numbers are written in Swift's shortest round-trip form, so the
    /// program reads exactly our Doubles.
    public static func request(_ probe: GradientProbe, id: Int) throws(NoVerdict) -> String {
        var fields: Fields
        do {
            guard case .object(let model) = try ModelFile.node(probe.network) else {
                throw NoVerdict("probe \(probe.name): the model is not a JSON object")
            }
            fields = model
        } catch let error as NoVerdict {
            throw error
        } catch {
            throw NoVerdict("probe \(probe.name): \(error)")
        }
        fields["protocol"] = .integer(version)
        fields["id"] = .integer(id)
        fields["kind"] = .string(probe.kind.name)
        func column(_ v: Vector) -> Node { .array(v.elements.map { .numbers([$0]) }) }
        switch probe.kind {
        case .example:
            fields["x"] = column(probe.examples[0].x)
            fields["y"] = column(probe.examples[0].y)
        case .miniBatch(let eta):
            fields["xs"] = .array(probe.examples.map { column($0.x) })
            fields["ys"] = .array(probe.examples.map { column($0.y) })
            fields["eta"] = .number(eta)
            fields["lambda"] = .number(probe.lambda)
            fields["n"] = .integer(probe.n)
        }
        return Node.object(fields).text(.compact)
    }

    /// The answer in `line` to the request `id` of `probe`'s kind.
    ///
    /// - Throws: `NoVerdict` when the line is not a JSON object, answers another
    ///   request, says `error`, or lacks the arrays the kind asks for.
    public static func answer(_ line: String, id: Int?, kind: GradientProbe.Kind) throws(NoVerdict) -> ProbeAnswer {
        let object = try parseObject(line)
        if let id, let answered = object["id"] as? Int, answered != id {
            throw NoVerdict("the answer is for request \(answered), expected \(id)")
        }
        if let error = object["error"] {
            throw NoVerdict("the program gave up: \(error)")
        }
        if let reason = object["declined"] {
            return .declined("\(reason)")
        }
        let (bKey, wKey) = kind == .example ? ("nabla_b", "nabla_w") : ("biases", "weights")
        guard let b = object[bKey], let w = object[wKey] else {
            throw NoVerdict("the answer has no \"\(bKey)\" and \"\(wKey)\" (nor \"declined\" or \"error\"): \(preview(line))")
        }
        let received = ReceivedGradient(nablaB: try arrays(b, name: bKey), nablaW: try arrays(w, name: wKey))
        return kind == .example ? .gradient(received) : .updated(received)
    }

    /// A list of arrays (one per layer) from JSON.
    public static func arrays(_ value: Any, name: String) throws(NoVerdict) -> [ReceivedGradient.Array2D] {
        guard let list = value as? [Any] else { throw NoVerdict("\"\(name)\" is not a list of arrays") }
        var result: [ReceivedGradient.Array2D] = []
        for (i, item) in list.enumerated() {
            guard let array = array2D(item) else {
                throw NoVerdict("\"\(name)\"[\(i)] is not a number, a list of numbers or a rectangular list of lists of numbers")
            }
            result.append(array)
        }
        return result
    }

    /// A number, a list of numbers, or a rectangular list of lists of numbers.
    static func array2D(_ value: Any) -> ReceivedGradient.Array2D? {
        if let x = number(value) { return .init(shape: [], values: [x]) }
        guard let list = value as? [Any] else { return nil }
        let flat = list.compactMap(number)
        if flat.count == list.count { return .init(shape: [list.count], values: flat) }
        let rows = list.compactMap { ($0 as? [Any]).map { $0.compactMap(number).count == $0.count ? $0.compactMap(number) : nil } ?? nil }
        guard rows.count == list.count, let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else { return nil }
        return .init(shape: [rows.count, width], values: rows.flatMap { $0 })
    }

    /// A JSON number, or one of the strings "NaN", "Infinity", "-Infinity".
    static func number(_ value: Any) -> Double? {
        if let n = value as? NSNumber { return n.doubleValue }
        switch value as? String {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return nil
        }
    }

    /// The JSON object on `line`. Bare `NaN`, `Infinity`, `-Infinity` (what Python's
    /// `json.dumps` writes) are read as the strings the protocol asks for.
    static func parseObject(_ line: String) throws(NoVerdict) -> [String: Any] {
        let data = Data(line.utf8)
        if let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] { return object }
        let quoted = line.replacing(/([\[,:\s])(-?Infinity|NaN)(?=\s*[\],}])/) { "\($0.1)\"\($0.2)\"" }
        if let object = (try? JSONSerialization.jsonObject(with: Data(quoted.utf8))) as? [String: Any] { return object }
        throw NoVerdict("the program printed something that is not a JSON object answer: \(preview(line))")
    }

    /// The start of `line`, for messages.
    static func preview(_ line: String) -> String {
        line.count > 120 ? "\"" + line.prefix(120) + "…\"" : "\"\(line)\""
    }
}
