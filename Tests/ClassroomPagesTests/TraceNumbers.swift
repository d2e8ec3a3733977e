import BackpropTrace
import Foundation

/// The numbers of a `--format json` trace, to check a page or picture against.
///
/// A number on the page is right when its `data-v` is, character for character, a
/// number of the JSON (both are Swift's shortest round-trip spelling of the same
/// Double), or — for the few operands the text trace also shows but the JSON does not
/// hold (∇ₐC = aᴸ − y, σ′(zˡ) = aˡ(1 − aˡ), (wˡ⁺¹)ᵀδˡ⁺¹, (η/m)Σₓ∂Cₓ/∂w) — when it equals
/// that operand recomputed here from the JSON's numbers to 10⁻¹² relative error (a
/// different summation order changes the last bits of a dot product, nothing more);
/// and its text is `NumberFormat.cell` of that Double, what the text trace prints.
struct TraceNumbers {
    struct Trace: Decodable {
        struct Layer: Decodable {
            var layer: Int
            var w, nabla_w: [[Double]]
            var a, delta: [Double]
        }
        struct Batch: Decodable {
            var eta: Double
            var mean_nabla_b: [[Double]]
            var mean_nabla_w: [[[Double]]]
        }
        var sizes: [Int]
        var cost: String
        var target: [Double]
        var layers: [Layer]
        var batch: Batch?
    }

    let exact: Set<String>
    let derived: [Double]
    let trace: Trace

    init(json: String) throws {
        exact = Set(json.matches(of: /-?[0-9][0-9.eE+\-]*/).map { String($0.output) })
        trace = try JSONDecoder().decode(Trace.self, from: Data(json.utf8))
        var derived: [Double] = []
        let output = trace.layers[trace.layers.count - 1]
        for (a, y) in zip(output.a, trace.target) {
            derived.append(a - y)
            derived.append((a - y) / (a * (1 - a)))
        }
        for layer in trace.layers { derived += layer.a.map { $0 * (1 - $0) } }
        for (lower, upper) in zip(trace.layers, trace.layers.dropFirst()) where lower.layer + 1 == upper.layer {
            let columns = upper.w.first?.count ?? 0
            derived += (0..<columns).map { k in zip(upper.w, upper.delta).reduce(0) { $0 + $1.0[k] * $1.1 } }
        }
        if let batch = trace.batch {
            derived += batch.mean_nabla_b.flatMap { $0.map { batch.eta * $0 } }
            derived += batch.mean_nabla_w.flatMap { $0.flatMap { $0.map { batch.eta * $0 } } }
        }
        self.derived = derived
    }

    /// The numbers (`[data-v, text]`) that are not the JSON's, each with the reason.
    func problems(_ numbers: [[String]]) -> [String] {
        numbers.compactMap { pair -> String? in
            guard pair.count == 2, let v = Double(pair[0]) else { return "unreadable \(pair)" }
            if NumberFormat.cell(v) != pair[1] { return "\(pair[0]) shown as \(pair[1])" }
            if exact.contains(pair[0]) { return nil }
            if derived.contains(where: { abs($0 - v) <= 1e-12 * max(abs($0), abs(v)) }) { return nil }
            return "\(pair[0]) is not in the JSON trace"
        }
    }

    /// The page's steps: every equation of the trace document (forward: zˡ and aˡ per
    /// layer; BP1; BP2 for l = L − 1…2; BP3 and BP4 per layer; with a mini-batch, the
    /// per-example gradients, their mean and an update per layer) and the statements
    /// between them (the cost, the mini-batch's examples and its cost, the check).
    var expectedSteps: Int {
        let L = trace.sizes.count
        let backward = 1 + (L - 2) + 2 * (L - 1)
        let batch = trace.batch == nil ? 0 : 1 + 2 + (L - 1) + 1
        return 2 * (L - 1) + 1 + backward + batch + 1
    }
}
