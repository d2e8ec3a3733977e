/// A training example (x, y): input x and desired output y, as in `network.py`'s
/// `training_data`.
public struct Example: Sendable, Equatable {
    /// The input activations a¹.
    public var x: Vector
    /// The desired output y(x), e.g. a one-hot digit.
    public var y: Vector

    public init(x: Vector, y: Vector) {
        self.x = x
        self.y = y
    }
}

extension Example {
    /// Why this example cannot go through a network of `sizes` — x must have an entry per
    /// input neuron, y one per output neuron — or nil when it fits. Check examples that come
    /// from outside (a file, a request) with this first: the engine's operators stop the
    /// program on a shape mismatch (`ShapeMismatch`).
    public func mismatch(sizes: [Int]) -> String? {
        guard let inputs = sizes.first, let outputs = sizes.last else { return "no network" }
        if x.count != inputs { return "x has \(x.count) entries, the network's input layer \(inputs)" }
        if y.count != outputs { return "y has \(y.count) entries, the network's output layer \(outputs)" }
        return nil
    }
}

/// A test example (x, label): input x and the index of the correct output neuron,
/// as in `network.py`'s `test_data`.
public struct LabeledExample: Sendable, Equatable {
    /// The input activations a¹.
    public var x: Vector
    /// The correct class: the output neuron that should fire most.
    public var label: Int

    public init(x: Vector, label: Int) {
        self.x = x
        self.label = label
    }
}
