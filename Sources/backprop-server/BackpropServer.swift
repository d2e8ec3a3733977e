import ArgumentParser
import BackpropEngine
import Foundation
import GradientChecking
import JSONOutput

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
            return Node.object(["error": .string("the request is not a network2-layout JSON object")]).text(.compact)
        }
        let id = object["id"] as? Int ?? 0
        func vectors(_ key: String) -> [Vector] {
            ((object[key] as? [Any]) ?? []).map { Vector(flatten($0)) }
        }
        func error(_ problem: String) -> String {
            Node.object(["id": .integer(id), "error": .string(problem)]).text(.compact)
        }
        // Examples come from outside: check their shapes before the engine sees them.
        func misfit(_ batch: [Example]) -> String? {
            batch.enumerated().lazy.compactMap { i, e in e.mismatch(sizes: network.sizes).map { "example \(i): \($0)" } }.first
        }
        switch object["kind"] as? String {
        case "backprop":
            let example = Example(x: Vector(flatten(object["x"] ?? [])), y: Vector(flatten(object["y"] ?? [])))
            if let problem = misfit([example]) { return error(problem) }
            let g = gradient(network, [example], 0, 1)
            return Node.object(["id": .integer(id), "nabla_b": json(g.nablaB), "nabla_w": json(g.nablaW)]).text(.compact)
        case "update_mini_batch":
            let (xs, ys) = (vectors("xs"), vectors("ys"))
            guard xs.count == ys.count else { return error("\(xs.count) xs but \(ys.count) ys") }
            let batch = zip(xs, ys).map { Example(x: $0, y: $1) }
            if let problem = misfit(batch) { return error(problem) }
            let eta = object["eta"] as? Double ?? 0, lambda = object["lambda"] as? Double ?? 0
            let g = gradient(network, batch, lambda, object["n"] as? Int ?? batch.count)
            var stepped = network
            stepped.setParameters(zip(network.parameters, g.flattened).map { $0 - eta * $1 })
            return Node.object(["id": .integer(id), "biases": json(stepped.biases), "weights": json(stepped.weights)]).text(.compact)
        default:
            return Node.object(["id": .integer(id), "declined": .string("unknown request kind")]).text(.compact)
        }
    }
}

/// Every number in a nested list, in order: [[1], [2]] → [1, 2].
func flatten(_ value: Any) -> [Double] {
    if let x = value as? Double { return [x] }
    return (value as? [Any] ?? []).flatMap(flatten)
}

/// Vectors (the biases or ∂C/∂b per layer) as a JSON list of lists, written on one
/// line by the project's one JSON writer (non-finite numbers as "NaN", "Infinity",
/// "-Infinity", as the protocol says).
func json(_ vectors: [Vector]) -> Node {
    .array(vectors.map { .numbers($0.elements) })
}

/// Matrices (the weights or ∂C/∂w per layer) as a JSON list of row lists.
func json(_ matrices: [Matrix]) -> Node {
    .array(matrices.map { .array($0.rowList.map(Node.numbers)) })
}

extension BackpropBug: ExpressibleByArgument {}
