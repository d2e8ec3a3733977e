/// A feedforward network of sigmoid neurons: chapter 1's `Network` class.
///
/// `sizes` lists the neurons per layer, input first, e.g. `[784, 30, 10]`.
/// The book numbers layers l = 1…L with the input as layer 1, so layer l ≥ 2 has
/// weights wˡ and biases bˡ, stored here at index `l - 2`:
///
/// | book | Swift                | shape         |
/// |------|----------------------|---------------|
/// | wˡ   | `weights[l - 2]`     | (sizes[l-1], sizes[l-2]) |
/// | bˡ   | `biases[l - 2]`      | (sizes[l-1], 1)          |
///
/// `network.py` reaches the same arrays with negative indices: `weights[-1]` is wᴸ,
/// `weights[-l]` is wᴸ⁻ˡ⁺¹. The input layer has no biases.
public struct Network: Equatable, Sendable {
    /// Neurons per layer, input layer first.
    public let sizes: [Int]
    /// bˡ for l = 2…L: `biases[l - 2][j]` is the bias of neuron j in layer l.
    public var biases: [Vector]
    /// wˡ for l = 2…L: `weights[l - 2][j, k]` is the weight from neuron k in layer l − 1
    /// to neuron j in layer l.
    public var weights: [Matrix]
    /// The cost the network trains against.
    public var cost: Cost

    /// How to draw the initial weights and biases.
    public enum Initializer: String, CaseIterable, Sendable {
        /// Chapter 1's `network.py`: every weight and bias drawn from N(0, 1).
        case large
        /// The improved initializer of chapter 3 (`network2.py`'s default): biases from
        /// N(0, 1), weights into a neuron with x inputs from N(0, 1/x), so that z is
        /// unlikely to start saturated.
        case scaled
    }

    /// The number of layers, L.
    public var numLayers: Int { sizes.count }

    /// A network with random weights and biases drawn from `generator`.
    ///
    /// As in `network.py`, all biases are drawn first (layer by layer, top to
    /// bottom), then all weights (layer by layer, row by row), so the same seed gives
    /// the same network as long as the sizes are the same.
    ///
    /// - Throws: `NetworkError.invalidSizes` unless there are at least two layers and
    ///   every layer has at least one neuron.
    public init(
        sizes: [Int],
        initializer: Initializer = .large,
        cost: Cost = .quadratic,
        generator: inout SeededGenerator
    ) throws(NetworkError) {
        try Network.validate(sizes: sizes)
        self.sizes = sizes
        self.cost = cost
        biases = sizes.dropFirst().map { y in Vector(generator.gaussians(y)) }
        weights = zip(sizes.dropLast(), sizes.dropFirst()).map { x, y in
            let scale = initializer == .scaled ? 1 / Double(x).squareRoot() : 1
            // Shapes were validated, so the element count matches.
            return Matrix(rows: y, columns: x, elements: generator.gaussians(x * y).map { scale * $0 })
                ?? Matrix(zeros: y, x)
        }
    }

    /// A network with random parameters from a fresh generator seeded with `seed`.
    public init(sizes: [Int], initializer: Initializer = .large, cost: Cost = .quadratic, seed: UInt64) throws(NetworkError) {
        var generator = SeededGenerator(seed: seed)
        try self.init(sizes: sizes, initializer: initializer, cost: cost, generator: &generator)
    }

    /// A network with the given parameters.
    ///
    /// - Throws: `NetworkError` if `sizes` is invalid or a bias or weight does not
    ///   have the shape `sizes` calls for.
    public init(sizes: [Int], biases: [Vector], weights: [Matrix], cost: Cost = .quadratic) throws(NetworkError) {
        try Network.validate(sizes: sizes)
        guard biases.count == sizes.count - 1, weights.count == sizes.count - 1 else {
            throw .shapeMismatch("expected \(sizes.count - 1) weight matrices and bias vectors for \(sizes.count) layers, got \(weights.count) and \(biases.count)")
        }
        for l in 2...sizes.count {
            let (x, y) = (sizes[l - 2], sizes[l - 1])
            guard biases[l - 2].count == y else {
                throw .shapeMismatch("b\(l) (layer \(l)) has \(biases[l - 2].count) entries, expected \(y)")
            }
            guard weights[l - 2].rows == y, weights[l - 2].columns == x else {
                throw .shapeMismatch("w\(l) (layer \(l)) has shape (\(weights[l - 2].rows), \(weights[l - 2].columns)), expected (\(y), \(x))")
            }
        }
        self.sizes = sizes
        self.biases = biases
        self.weights = weights
        self.cost = cost
    }

    /// Checks that `sizes` describes a network: at least two layers, each with at least
    /// one neuron, and a parameter count that fits in memory arithmetic.
    public static func validate(sizes: [Int]) throws(NetworkError) {
        guard sizes.count >= 2 else {
            throw .invalidSizes("a network needs at least two layers (input and output), got \(sizes)")
        }
        guard let bad = sizes.first(where: { $0 < 1 }) else {
            var total = 0
            for (x, y) in zip(sizes.dropLast(), sizes.dropFirst()) {
                let (layer, o1) = x.multipliedReportingOverflow(by: y)
                let (sum, o2) = total.addingReportingOverflow(layer)
                guard !o1, !o2 else { throw .invalidSizes("the layers \(sizes) have too many parameters") }
                total = sum
            }
            return
        }
        throw .invalidSizes("every layer needs at least one neuron, got \(bad) in \(sizes)")
    }

    /// The total number of weights and biases.
    public var parameterCount: Int {
        zip(weights, biases).reduce(0) { $0 + $1.0.elements.count + $1.1.count }
    }

    /// The output aᴸ for input `a`: aˡ = σ(wˡaˡ⁻¹ + bˡ) applied layer by layer (eq. 22).
    public func feedforward(_ a: Vector) -> Vector {
        var a = a
        for (b, w) in zip(biases, weights) {
            a = sigmoid(w * a + b)
        }
        return a
    }
}

/// Why a network could not be made.
public enum NetworkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The layer sizes do not describe a network.
    case invalidSizes(String)
    /// A weight matrix or bias vector does not have the shape the sizes call for.
    case shapeMismatch(String)

    public var description: String {
        switch self {
        case .invalidSizes(let message), .shapeMismatch(let message): message
        }
    }
}
