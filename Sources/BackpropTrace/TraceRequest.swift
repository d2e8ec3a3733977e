import BackpropEngine

/// What to trace, as the command line gives it: a network (random from a seed, or a
/// `network2.py` model file), one or more examples (x, y), a cost and a learning rate.
public struct TraceRequest: Sendable {
    /// The default network: two inputs, three hidden neurons, one output.
    public static let defaultSizes = [2, 3, 1]
    /// The default input x (for two input neurons).
    public static let defaultInput: [Double] = [1.0, 0.5]
    /// The default target y (for one output neuron).
    public static let defaultTarget: [Double] = [0.0]
    /// The default learning rate, chapter 1's η = 3.
    public static let defaultEta = 3.0

    /// Layer sizes, or `nil` for the model file's or the default [2, 3, 1].
    public var sizes: [Int]?
    /// Seed for the random weights and for any random examples `batch` adds.
    public var seed: UInt64 = 1
    /// The cost, or `nil` for the model file's or quadratic.
    public var cost: Cost?
    /// The inputs x given, one per example (empty: the default input).
    public var inputs: [[Double]] = []
    /// The targets y given, one per input (empty: the default target for every input,
    /// when the network has one output).
    public var targets: [[Double]] = []
    /// The mini-batch size m; examples beyond those given are drawn from the seed
    /// (x and y uniform in [0, 1], to two decimals). `nil`: one example per given pair.
    public var batch: Int?
    /// A `network2.py` JSON model to trace instead of a random network.
    public var modelPath: String?
    /// The learning rate η for the mini-batch step.
    public var eta: Double = defaultEta
    /// The L2 regularization parameter λ of the mini-batch step (`nil`: none, λ = 0);
    /// needs `batch`.
    public var lambda: Double?
    /// The training-set size n of the L2 term ηλ/n (`nil`: the mini-batch size m, as
    /// `gradcheck` does); needs `batch`.
    public var n: Int?

    public init() {}

    /// Builds the network and examples, checking that they fit together.
    public func makeTrace() throws(TraceError) -> TracedBackprop {
        guard eta.isFinite, eta > 0 else { throw .invalidOptions("--eta must be a positive number, got \(eta)") }
        if let batch, batch < 1 { throw .invalidOptions("--batch must be at least 1, got \(batch)") }
        if let lambda, !(lambda.isFinite && lambda >= 0) { throw .invalidOptions("--lambda must be a finite number ≥ 0, got \(lambda)") }
        if let n, n < 1 { throw .invalidOptions("--n must be at least 1, got \(n)") }
        if batch == nil, lambda != nil || n != nil {
            throw .invalidOptions("--lambda and --n regularize the mini-batch step: give --batch too")
        }
        var generator = SeededGenerator(seed: seed)
        let network = try makeNetwork(generator: &generator)
        let examples = try makeExamples(for: network.sizes, generator: &generator)
        return TracedBackprop(network: network, examples: examples, eta: eta, lambda: lambda ?? 0, n: n,
                             source: modelPath.map(TracedBackprop.Source.model) ?? .seed(seed),
                             step: batch != nil || examples.count > 1)
    }

    private func makeNetwork(generator: inout SeededGenerator) throws(TraceError) -> Network {
        if let modelPath {
            var network: Network
            do { network = try ModelFile.load(from: modelPath) } catch { throw .modelFile(error) }
            if let sizes, sizes != network.sizes {
                throw .invalidOptions("--sizes \(list(sizes)) does not match the model file's sizes \(list(network.sizes)); leave --sizes out with --model")
            }
            if let cost { network.cost = cost }
            return network
        }
        do {
            return try Network(sizes: sizes ?? Self.defaultSizes, cost: cost ?? .quadratic, generator: &generator)
        } catch {
            throw .invalidOptions("--sizes: \(error)")
        }
    }

    private func makeExamples(for sizes: [Int], generator: inout SeededGenerator) throws(TraceError) -> [Example] {
        let inputCount = sizes[0], outputCount = sizes[sizes.count - 1]
        var inputs = self.inputs, targets = self.targets
        if inputs.isEmpty {
            guard inputCount == Self.defaultInput.count else {
                throw .invalidOptions("the network has \(plural(inputCount, "input")): give --input with \(inputCount) numbers (the default input \(list(Self.defaultInput)) has \(Self.defaultInput.count))")
            }
            inputs = [Self.defaultInput]
        }
        if targets.isEmpty {
            guard outputCount == Self.defaultTarget.count else {
                throw .invalidOptions("the network has \(plural(outputCount, "output")): give --target with \(outputCount) numbers (the default target \(list(Self.defaultTarget)) has \(Self.defaultTarget.count))")
            }
            targets = Array(repeating: Self.defaultTarget, count: inputs.count)
        }
        guard inputs.count == targets.count else {
            throw .invalidOptions("give one --target for each --input: got \(inputs.count) --input and \(targets.count) --target")
        }
        for (k, (x, y)) in zip(inputs, targets).enumerated() {
            let which = inputs.count > 1 ? " #\(k + 1)" : ""
            guard x.count == inputCount else {
                throw .invalidOptions("--input\(which) \(list(x)) has \(plural(x.count, "number")) but the network has \(plural(inputCount, "input")) (sizes \(list(sizes)))")
            }
            guard y.count == outputCount else {
                throw .invalidOptions("--target\(which) \(list(y)) has \(plural(y.count, "number")) but the network has \(plural(outputCount, "output")) (sizes \(list(sizes)))")
            }
            guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
                throw .invalidOptions("--input and --target must be finite numbers")
            }
        }
        var examples = zip(inputs, targets).map { Example(x: Vector($0), y: Vector($1)) }
        if let batch {
            guard batch >= examples.count else {
                throw .invalidOptions("--batch \(batch) is smaller than the \(examples.count) --input/--target pairs given")
            }
            while examples.count < batch {
                // Two decimals, so the examples are easy to read and to type back in.
                let x = (0..<inputCount).map { _ in (generator.nextUniform() * 100).rounded() / 100 }
                let y = (0..<outputCount).map { _ in (generator.nextUniform() * 100).rounded() / 100 }
                examples.append(Example(x: Vector(x), y: Vector(y)))
            }
        }
        return examples
    }

    private func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    private func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }
    private func list(_ values: [Double]) -> String { values.map(NumberFormat.shortest).joined(separator: ",") }
}
