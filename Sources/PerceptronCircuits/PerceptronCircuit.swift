import BackpropEngine

/// A feedforward network of neurons, evaluated layer by layer: chapter 1's perceptron
/// networks (NAND gates, adders) and, with σ in place of the step, their sigmoid twins.
///
/// Signals are numbered: the network inputs first (0 ..< `inputCount`), then the
/// neurons of layer 1 in order, then layer 2, … Each layer reads some earlier signals
/// (see `NeuronLayer`) and appends its outputs; `outputs` names the signals that are
/// the network's answer.
public struct PerceptronCircuit: Equatable, Sendable {
    /// The number of network inputs.
    public let inputCount: Int
    /// The layers, first to last.
    public var layers: [NeuronLayer]
    /// The signals that form the output, in order.
    public let outputs: [Int]
    /// A name per signal ("x1", "n1", "sum", …), inputs first.
    public let names: [String]
    /// A formula per neuron, e.g. "n1 = step(−2·x1 − 2·x2 + 3)", in signal order.
    public let formulas: [String]

    /// A circuit from its parts; `CircuitBuilder` and `init(network:)` make consistent ones.
    public init(inputCount: Int, layers: [NeuronLayer], outputs: [Int], names: [String], formulas: [String]) {
        self.inputCount = inputCount
        self.layers = layers
        self.outputs = outputs
        self.names = names
        self.formulas = formulas
    }

    /// The engine's `Network` read as a perceptron network: layer l reads all of layer
    /// l − 1 through wˡ and bˡ. With the sigmoid activation it computes exactly
    /// `network.feedforward`.
    public init(network: Network) {
        var layers: [NeuronLayer] = []
        var first = 0
        var names = (1...network.sizes[0]).map { "x\($0)" }
        var formulas: [String] = []
        for (l, (w, b)) in zip(network.weights, network.biases).enumerated() {
            layers.append(NeuronLayer(inputs: Array(first..<(first + w.columns)), weights: w, biases: b))
            first += w.columns
            for j in 0..<w.rows {
                names.append("h\(l + 1).\(j + 1)")
                formulas.append("\(names.last ?? "") = step(w·a + b)")
            }
        }
        let total = names.count
        self.init(
            inputCount: network.sizes[0], layers: layers,
            outputs: Array((total - (network.sizes.last ?? 0))..<total), names: names, formulas: formulas
        )
    }

    /// The formula of the neuron called `name`, if there is one.
    public func formula(of name: String) -> String? {
        formulas.first { $0.hasPrefix(name + " = ") }
    }

    /// The number of neurons (perceptrons) in all layers.
    public var neuronCount: Int { layers.reduce(0) { $0 + $1.count } }

    /// Everything a forward pass computed.
    public struct Trace: Equatable, Sendable {
        /// Every signal: the inputs, then each neuron's activation.
        public var signals: [Double]
        /// Each neuron's weighted input z = w·s + b, in signal order (inputs have none).
        public var weightedInputs: [Double]
        /// The output signals.
        public var outputs: Vector
    }

    /// A forward pass on input `x` (which must have `inputCount` components), each layer
    /// computing a = f(w·s + b) with f = `activation`.
    public func trace(_ x: Vector, activation: Activation) -> Trace {
        var signals = x.elements
        var zs: [Double] = []
        for layer in layers {
            let z = layer.weightedInputs(signals)
            zs += z.elements
            signals += activation(z).elements
        }
        return Trace(signals: signals, weightedInputs: zs, outputs: Vector(outputs.map { signals[$0] }))
    }

    /// The output on input `x`.
    public func evaluate(_ x: Vector, activation: Activation = .step) -> Vector {
        trace(x, activation: activation).outputs
    }

    /// The outputs on many inputs at once: the same a = f(w·s + b) per layer, computed
    /// one signal across the whole batch at a time (a matrix–matrix product), which is
    /// what makes checking an adder on all 4⁸ input pairs quick.
    public func evaluate(batch xs: [Vector], activation: Activation = .step) -> [Vector] {
        // signals[s][i]: signal s on input i.
        var signals = (0..<inputCount).map { s in xs.map { $0[s] } }
        for layer in layers {
            for j in 0..<layer.count {
                // Σₖ wⱼₖ·sₖ first, then + bⱼ: the order of `Matrix *` and `+`, so both paths agree bit for bit.
                var z = [Double](repeating: 0, count: xs.count)
                for (k, source) in layer.inputs.enumerated() where layer.weights[j, k] != 0 {
                    let w = layer.weights[j, k]
                    signals[source].withUnsafeBufferPointer { s in
                        z.withUnsafeMutableBufferPointer { z in
                            for i in z.indices { z[i] += w * s[i] }
                        }
                    }
                }
                let b = layer.biases[j]
                signals.append(z.map { activation($0 + b) })
            }
        }
        return xs.indices.map { i in Vector(outputs.map { signals[$0][i] }) }
    }

    /// The circuit with every weight and bias multiplied by `c` (so every z becomes c·z).
    public func scaled(by c: Double) -> PerceptronCircuit {
        var copy = self
        copy.layers = layers.map { $0.scaled(by: c) }
        return copy
    }

    /// Where neuron `signal` lives: its layer and its row in that layer; `nil` for an
    /// input or an index past the last neuron.
    public func locate(_ signal: Int) -> (layer: Int, row: Int)? {
        var first = inputCount
        for (l, layer) in layers.enumerated() {
            if (first..<(first + layer.count)).contains(signal) { return (l, signal - first) }
            first += layer.count
        }
        return nil
    }

    /// The bias of neuron `signal`, or `nil` if it is not a neuron.
    public func bias(of signal: Int) -> Double? {
        locate(signal).map { layers[$0.layer].biases[$0.row] }
    }

    /// The circuit with neuron `signal`'s bias changed so that its weighted input on `x`
    /// is exactly 0 (b = −w·s, so w·s + b = 0 in floating point too). Returns `nil` if
    /// `signal` is not a neuron.
    public func tied(_ signal: Int, at x: Vector) -> PerceptronCircuit? {
        guard let (l, j) = locate(signal) else { return nil }
        let signals = trace(x, activation: .step).signals
        let layer = layers[l]
        var copy = self
        copy.layers[l].biases[j] = -(layer.weights * Vector(layer.inputs.map { signals[$0] }))[j]
        return copy
    }
}
