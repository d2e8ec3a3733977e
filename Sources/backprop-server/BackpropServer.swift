import ArgumentParser
import BackpropEngine
import Foundation
import GradientChecking

/// The gradcheck protocol (docs/gradient-protocol.md) answered in Swift: reads one
/// request per line on stdin, answers one line on stdout with the textbook engine's
/// backprop, or with a bug of the zoo (`--bug NAME`). The worked example for writing
/// an adapter in another language: `gradcheck --exec 'backprop-server --bug wrong-sign'`.
@main
struct BackpropServer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backprop-server",
        abstract: "Answer gradcheck's JSON-lines protocol with BackpropLab's backprop (or a zoo bug)."
    )

    @Option(help: "Answer with a deliberately broken backprop (see gradcheck --list-bugs).")
    var bug: BackpropBug?

    func run() throws {
        let gradient = bug?.gradient ?? TextbookGradient.mean
        while let line = readLine() {
            print(answer(line, gradient: gradient))
            fflush(nil)
        }
    }

    /// The answer line to one request line.
    func answer(_ line: String, gradient: GradientFunction) -> String {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
              let network = try? ModelFile.decode(Data(line.utf8)) else {
            return #"{"error": "the request is not a network2-layout JSON object"}"#
        }
        let id = object["id"] as? Int ?? 0
        func vectors(_ key: String) -> [Vector] {
            ((object[key] as? [Any]) ?? []).map { Vector(flatten($0)) }
        }
        switch object["kind"] as? String {
        case "backprop":
            let example = Example(x: Vector(flatten(object["x"] ?? [])), y: Vector(flatten(object["y"] ?? [])))
            let g = gradient(network, [example], 0, 1)
            return "{\"id\": \(id), \"nabla_b\": \(json(g.nablaB.map(\.elements))), \"nabla_w\": \(json(g.nablaW.map(\.rowList)))}"
        case "update_mini_batch":
            let batch = zip(vectors("xs"), vectors("ys")).map { Example(x: $0, y: $1) }
            let eta = object["eta"] as? Double ?? 0, lambda = object["lambda"] as? Double ?? 0
            let g = gradient(network, batch, lambda, object["n"] as? Int ?? batch.count)
            var stepped = network
            stepped.setParameters(zip(network.parameters, g.flattened).map { $0 - eta * $1 })
            return "{\"id\": \(id), \"biases\": \(json(stepped.biases.map(\.elements))), \"weights\": \(json(stepped.weights.map(\.rowList)))}"
        default:
            return "{\"id\": \(id), \"declined\": \"unknown request kind\"}"
        }
    }
}

/// Every number in a nested list, in order: [[1], [2]] → [1, 2].
func flatten(_ value: Any) -> [Double] {
    if let x = value as? Double { return [x] }
    return (value as? [Any] ?? []).flatMap(flatten)
}

/// A nested list of numbers as JSON, non-finite numbers as strings.
func json(_ value: Any) -> String {
    if let x = value as? Double { return x.isFinite ? x.description : "\"\(x.isNaN ? "NaN" : x > 0 ? "Infinity" : "-Infinity")\"" }
    return "[" + (value as? [Any] ?? []).map(json).joined(separator: ", ") + "]"
}

extension BackpropBug: ExpressibleByArgument {}
