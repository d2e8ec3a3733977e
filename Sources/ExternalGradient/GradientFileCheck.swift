import BackpropEngine
import Foundation
import GradientChecking

/// One-off checks of a gradient saved in a file: `gradcheck --model M.json
/// --input … --target … --gradient G.json` (or `--examples FILE` for a mini-batch).
public enum GradientFileCheck {
    /// The largest gradient or examples file read (a [784, 100, 10] gradient is ~2 MB).
    public static let maximumFileSize = 1 << 28

    /// Checks the gradient in `gradientPath` (`{"nabla_b": …, "nabla_w": …}`, the same
    /// nesting as the model's `biases` and `weights`) as ∇C of
    /// C = (1/m) Σₓ Cₓ + (λ/2n) Σ w² over `examples` at `network`.
    public static func run(network: Network, examples: [Example], gradientPath: String, lambda: Double, n: Int,
                           seed: UInt64, options: CheckOptions) throws(NoVerdict) -> ProbeSuiteReport {
        let start = ContinuousClock.now
        let text = try read(gradientPath)
        let answer: ProbeAnswer
        do {
            answer = try GradientProtocol.answer(text, id: nil, kind: .example)
        } catch {
            throw NoVerdict("\(gradientPath): \(error.message)")
        }
        let probe = GradientProbe(name: "file", purpose: "the gradient in \(gradientPath)", network: network,
                                  examples: examples, lambda: lambda, n: n, chinesePurpose: "\(gradientPath) 中的梯度")
        var generator = SeededGenerator(seed: seed)
        let outcome = ProbeOutcome.evaluate(probe: probe, answer: answer, options: options,
                                            autodiff: AutodiffReference.oracle, generator: &generator)
        return ProbeSuiteReport(subject: gradientPath, seed: seed, options: options, outcomes: [outcome],
                                seconds: elapsedSeconds(since: start))
    }

    /// Examples from a JSON file: a list of `{"x": […], "y": […]}` objects (flat lists
    /// or column vectors), each checked against `sizes`.
    public static func examples(path: String, sizes: [Int]) throws(NoVerdict) -> [Example] {
        let text = try read(path)
        guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]], !list.isEmpty else {
            throw NoVerdict("\(path): not a JSON list of {\"x\": [...], \"y\": [...]} objects")
        }
        var examples: [Example] = []
        for (i, item) in list.enumerated() {
            guard let x = item["x"].flatMap(GradientProtocol.array2D)?.values, let y = item["y"].flatMap(GradientProtocol.array2D)?.values else {
                throw NoVerdict("\(path): example \(i) has no numeric \"x\" and \"y\"")
            }
            examples.append(try example(x: x, y: y, sizes: sizes, source: "\(path): example \(i)"))
        }
        return examples
    }

    /// An example after checking its lengths against the network's input and output layers.
    public static func example(x: [Double], y: [Double], sizes: [Int], source: String) throws(NoVerdict) -> Example {
        let example = Example(x: Vector(x), y: Vector(y))
        if let problem = example.mismatch(sizes: sizes) { throw NoVerdict("\(source): \(problem)") }
        guard (x + y).allSatisfy(\.isFinite) else { throw NoVerdict("\(source): x and y must be finite numbers") }
        return example
    }

    static func read(_ path: String) throws(NoVerdict) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw NoVerdict("\(path): no such file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumFileSize else { throw NoVerdict("\(path): \(size) bytes, more than any gradient this tool reads") }
        guard let data = FileManager.default.contents(atPath: path) else { throw NoVerdict("\(path): cannot be read") }
        return String(decoding: data, as: UTF8.self)
    }
}
