import BackpropEngine

/// One layer of neurons: the engine's (wˡ, bˡ) with a choice of activation.
///
/// Chapter 1's networks feed each layer only the layer before it. Circuits such as
/// the adder also feed a layer signals from further back (x₁ reaches both the first
/// and the second NAND), so a layer names the signals it reads: `inputs[k]` is the
/// index, among all signals computed so far (network inputs first, then each earlier
/// layer's outputs in order), of the signal that arrives on column k of `weights`.
///
/// The layer's output is a = f(w·s + b), where s is the vector of the signals it
/// reads and f the activation (step for perceptrons, σ for sigmoid neurons).
public struct NeuronLayer: Equatable, Sendable {
    /// The signals this layer reads, as indices into all earlier signals.
    public var inputs: [Int]
    /// `weights[j, k]`: the weight from signal `inputs[k]` to neuron j of this layer.
    public var weights: Matrix
    /// `biases[j]`: the bias of neuron j.
    public var biases: Vector

    /// A layer reading `inputs`; `weights` must have one column per input and one row
    /// per bias (the builders in this module guarantee it).
    public init(inputs: [Int], weights: Matrix, biases: Vector) {
        self.inputs = inputs
        self.weights = weights
        self.biases = biases
    }

    /// The number of neurons.
    public var count: Int { biases.count }

    /// The weighted inputs z = w·s + b, where s is gathered from `signals`.
    public func weightedInputs(_ signals: [Double]) -> Vector {
        weights * Vector(inputs.map { signals[$0] }) + biases
    }

    /// The layer with every weight and bias multiplied by `c`: z becomes c·z.
    public func scaled(by c: Double) -> NeuronLayer {
        NeuronLayer(inputs: inputs, weights: c * weights, biases: c * biases)
    }
}
