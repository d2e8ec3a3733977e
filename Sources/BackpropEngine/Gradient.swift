/// The gradient of a cost with respect to every weight and bias: the pair
/// (∇b, ∇w) that `network.py`'s `backprop` returns as `(nabla_b, nabla_w)`.
///
/// `nablaB[l - 2]` is ∂C/∂bˡ and `nablaW[l - 2]` is ∂C/∂wˡ for the book's layer l ≥ 2,
/// with the same shapes as `Network.biases` and `Network.weights`.
public struct Gradient: Equatable, Sendable {
    /// ∂C/∂bˡ for l = 2…L (BP3).
    public var nablaB: [Vector]
    /// ∂C/∂wˡ for l = 2…L (BP4).
    public var nablaW: [Matrix]

    public init(nablaB: [Vector], nablaW: [Matrix]) {
        self.nablaB = nablaB
        self.nablaW = nablaW
    }

    /// The zero gradient for `network`'s shapes (`[np.zeros(b.shape) for b in self.biases]`, …).
    public init(zerosLike network: Network) {
        nablaB = network.biases.map { Vector(zeros: $0.count) }
        nablaW = network.weights.map { Matrix(zeros: $0.rows, $0.columns) }
    }

    /// Layer-by-layer sum, as `update_mini_batch` accumulates `nabla_b + delta_nabla_b`.
    public static func + (g: Gradient, h: Gradient) -> Gradient {
        Gradient(nablaB: zip(g.nablaB, h.nablaB).map { $0 + $1 },
                 nablaW: zip(g.nablaW, h.nablaW).map { $0 + $1 })
    }

    /// The gradient scaled by c, e.g. the mean 1/m Σ ∇Cₓ of a mini-batch.
    public static func * (c: Double, g: Gradient) -> Gradient {
        Gradient(nablaB: g.nablaB.map { c * $0 }, nablaW: g.nablaW.map { c * $0 })
    }

    /// Every partial derivative, layer by layer, biases of a layer before its weights.
    /// The same order as `Network.parameters`.
    public var flattened: [Double] {
        zip(nablaB, nablaW).flatMap { $0.elements + $1.elements }
    }
}

extension Network {
    /// Every weight and bias, layer by layer, biases of a layer before its weights
    /// (row-major). The order `Gradient.flattened` uses.
    public var parameters: [Double] {
        zip(biases, weights).flatMap { $0.elements + $1.elements }
    }

    /// Replaces every weight and bias from a flat list in the order of `parameters`.
    /// Returns `false`, changing nothing, when the list has the wrong length.
    @discardableResult
    public mutating func setParameters(_ values: [Double]) -> Bool {
        guard values.count == parameterCount else { return false }
        var offset = 0
        for l in biases.indices {
            let bCount = biases[l].count, wCount = weights[l].elements.count
            biases[l].elements = Array(values[offset..<(offset + bCount)])
            weights[l].elements = Array(values[(offset + bCount)..<(offset + bCount + wCount)])
            offset += bCount + wCount
        }
        return true
    }

    /// Whether every weight and bias is a finite number (no NaN, no ±∞).
    public var isFinite: Bool {
        biases.allSatisfy { $0.elements.allSatisfy(\.isFinite) }
            && weights.allSatisfy { $0.elements.allSatisfy(\.isFinite) }
    }
}
