import Foundation
import Testing
import TestSupport

/// The JSON trace of a hand-written `network2.py` model file, against values computed
/// here separately: plain scalar loops over the book's formulas, without the engine.
@Suite("backprop-trace --model: JSON against an independent computation")
struct ModelFileTraceTests {
    /// A [2, 3, 2] network with round weights, written as network2.py would.
    static let w2: [[Double]] = [[0.15, -0.2], [0.25, 0.3], [-0.35, 0.4]]
    static let b2: [Double] = [0.1, -0.05, 0.2]
    static let w3: [[Double]] = [[0.5, -0.6, 0.7], [-0.8, 0.9, 0.45]]
    static let b3: [Double] = [-0.1, 0.05]
    static let x: [Double] = [0.3, -0.7]
    static let y: [Double] = [1.0, 0.0]

    static func modelText(cost: String) -> String {
        func rows(_ m: [[Double]]) -> String { "[" + m.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]" }
        func column(_ v: [Double]) -> String { rows(v.map { [$0] }) }
        return "{\"sizes\": [2, 3, 2], \"weights\": [\(rows(w2)), \(rows(w3))], \"biases\": [\(column(b2)), \(column(b3))], \"cost\": \"\(cost)\"}"
    }

    /// Expected z, a, δ, ∂C/∂b, ∂C/∂w for layers 2 and 3, by scalar loops.
    static func expected(crossEntropy: Bool) -> [Int: (z: [Double], a: [Double], delta: [Double], nw: [[Double]])] {
        func sigma(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        func layer(_ w: [[Double]], _ b: [Double], _ input: [Double]) -> [Double] {
            w.indices.map { j in w[j].indices.reduce(0.0) { $0 + w[j][$1] * input[$1] } + b[j] }
        }
        let z2 = layer(w2, b2, x), a2 = z2.map(sigma)
        let z3 = layer(w3, b3, a2), a3 = z3.map(sigma)
        // Output error: quadratic (a − y)·a(1 − a); cross-entropy a − y.
        let d3 = a3.indices.map { j in crossEntropy ? a3[j] - y[j] : (a3[j] - y[j]) * a3[j] * (1 - a3[j]) }
        // δ²ₖ = Σⱼ w³ⱼₖ δ³ⱼ · a²ₖ(1 − a²ₖ)
        let d2 = a2.indices.map { k in d3.indices.reduce(0.0) { $0 + w3[$1][k] * d3[$1] } * a2[k] * (1 - a2[k]) }
        func outer(_ d: [Double], _ a: [Double]) -> [[Double]] { d.map { dj in a.map { dj * $0 } } }
        return [2: (z2, a2, d2, outer(d2, x)), 3: (z3, a3, d3, outer(d3, a2))]
    }

    static func allClose(_ a: [Double]?, _ b: [Double]) -> Bool {
        guard let a, a.count == b.count else { return false }
        return close(a, b, 1e-12, floor: 0)
    }

    @Test("z, a, δ, ∇b and ∇w agree to 1e-12 relative", arguments: ["QuadraticCost", "CrossEntropyCost"])
    func modelJSON(cost: String) throws {
        let directory = try TemporaryDirectory(prefix: "trace-model")
        defer { directory.remove() }
        let file = URL(fileURLWithPath: try directory.write("\(cost).json", Data(Self.modelText(cost: cost).utf8)))

        let result = try TraceExecutable.run(["--model", file.path, "--input", "0.3,-0.7", "--target", "1,0", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try TraceJSON(result.stdout)
        #expect(json.sizes == [2, 3, 2])
        #expect(json.cost == (cost == "QuadraticCost" ? "quadratic" : "cross-entropy"))
        #expect(json.model == file.path)

        let expected = Self.expected(crossEntropy: cost == "CrossEntropyCost")
        #expect(json.layers.map(\.layer) == [2, 3])
        for layer in json.layers {
            let l = layer.layer
            let e = try #require(expected[l])
            #expect(Self.allClose(layer.z, e.z), "z\(l)")
            #expect(Self.allClose(layer.a, e.a), "a\(l)")
            #expect(Self.allClose(layer.delta, e.delta), "δ\(l)")
            #expect(Self.allClose(layer.nabla_b, e.delta), "∇b\(l)")
            #expect(layer.nabla_w.count == e.nw.count)
            for (row, expectedRow) in zip(layer.nabla_w, e.nw) { #expect(Self.allClose(row, expectedRow), "∇w\(l)") }
        }
        let a3 = try #require(expected[3]).a
        let c = cost == "QuadraticCost"
            ? 0.5 * zip(a3, Self.y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            : -zip(a3, Self.y).reduce(0) { $0 + ($1.1 == 0 ? 0 : $1.1 * log($1.0)) + ($1.1 == 1 ? 0 : (1 - $1.1) * log(1 - $1.0)) }
        #expect(close(json.cost_value, c, 1e-12, floor: 0))
    }

    @Test("a model file that is not network2 JSON: exit 2, one line")
    func badModel() throws {
        let directory = try TemporaryDirectory(prefix: "trace-model")
        defer { directory.remove() }
        let file = URL(fileURLWithPath: try directory.write("bad.json", Data("{\"sizes\": [2, 1]}".utf8)))
        let result = try TraceExecutable.run(["--model", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }
}
