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
