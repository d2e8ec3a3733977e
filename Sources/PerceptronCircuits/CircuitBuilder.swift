import BackpropEngine

/// Builds a `PerceptronCircuit` gate by gate, placing each perceptron in the first
/// layer after all the signals it reads (its depth is 1 + the largest depth of its
/// sources; inputs have depth 0).
///
///     var builder = CircuitBuilder(inputNames: ["x1", "x2"])
///     let n = builder.nand(builder.input(0), builder.input(1), name: "n")
///     let circuit = builder.build(outputs: [n])
public struct CircuitBuilder: Sendable {
    /// A signal under construction: an input or a perceptron added so far.
    public struct Signal: Hashable, Sendable {
        fileprivate let id: Int
    }

    private struct Gate: Sendable {
        var name: String
        var connections: [(source: Int, weight: Double)]
        var bias: Double
        var depth: Int
    }

    private let inputNames: [String]
    private var gates: [Gate] = []

    /// A builder for a circuit with the named inputs.
    public init(inputNames: [String]) {
        self.inputNames = inputNames
    }

    /// Input number `i` (0-based).
    public func input(_ i: Int) -> Signal { Signal(id: i) }

    /// The depth of a signal: 0 for an input, the layer number for a perceptron.
    private func depth(_ s: Signal) -> Int {
        s.id < inputNames.count ? 0 : gates[s.id - inputNames.count].depth
    }

    private func name(_ s: Signal) -> String {
        s.id < inputNames.count ? inputNames[s.id] : gates[s.id - inputNames.count].name
    }

    /// Adds a perceptron step(Σ wᵢ·sᵢ + b). The same source may appear twice (two
    /// connections); its weights then add up in the layer's weight matrix.
    public mutating func perceptron(name: String, _ connections: [(Signal, Double)], bias: Double) -> Signal {
        let depth = 1 + (connections.map { self.depth($0.0) }.max() ?? 0)
        gates.append(Gate(name: name, connections: connections.map { ($0.0.id, $0.1) }, bias: bias, depth: depth))
        return Signal(id: inputNames.count + gates.count - 1)
    }

    /// Adds chapter 1's NAND perceptron: weights −2, −2 and bias 3.
    public mutating func nand(_ a: Signal, _ b: Signal, name: String) -> Signal {
        perceptron(name: name, [(a, NAND.weight), (b, NAND.weight)], bias: NAND.bias)
    }

    /// The circuit, its layers ordered by depth and the perceptrons within a layer in
    /// the order they were added.
    public func build(outputs: [Signal]) -> PerceptronCircuit {
        let n = inputNames.count
        let order = gates.indices.sorted { (gates[$0].depth, $0) < (gates[$1].depth, $1) }
        // final signal index of builder id
        var index = Array(0..<n) + Array(repeating: 0, count: gates.count)
        for (position, g) in order.enumerated() { index[n + g] = n + position }
        var layers: [NeuronLayer] = []
        var formulas: [String] = []
        let depths = Set(gates.map(\.depth)).sorted()
        for d in depths {
            let members = order.filter { gates[$0].depth == d }
            let sources = Set(members.flatMap { gates[$0].connections.map { index[$0.source] } }).sorted()
            let column = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($1, $0) })
            var w = Matrix(zeros: members.count, sources.count)
            for (j, g) in members.enumerated() {
                for c in gates[g].connections {
                    w[j, column[index[c.source]] ?? 0] += c.weight
                }
                formulas.append(formula(gates[g]))
            }
            layers.append(NeuronLayer(inputs: sources, weights: w, biases: Vector(members.map { gates[$0].bias })))
        }
        let names = inputNames + order.map { gates[$0].name }
        return PerceptronCircuit(
            inputCount: n, layers: layers, outputs: outputs.map { index[$0.id] }, names: names, formulas: formulas
        )
    }

    /// "n1 = step(−2·x1 − 2·x2 + 3)".
    private func formula(_ gate: Gate) -> String {
        var text = ""
        for (i, c) in gate.connections.enumerated() {
            let sign = c.weight < 0 ? (i == 0 ? "−" : " − ") : (i == 0 ? "" : " + ")
            text += sign + NumberText.plain(abs(c.weight)) + "·" + name(Signal(id: c.source))
        }
        let sign = gate.bias < 0 ? " − " : " + "
        return "\(gate.name) = step(\(text)\(sign)\(NumberText.plain(abs(gate.bias))))"
    }
}
