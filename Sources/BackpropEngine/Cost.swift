import Foundation

/// A cost function C for one training example, as in `network2.py`: a value with
/// `fn(a, y)`, the cost of output activation a against target y, and
/// `delta(z, a, y)`, the output error δᴸ = ∂C/∂zᴸ of BP1.
///
/// The two must agree: `delta` is the exact derivative of `fn` with respect to zᴸ
/// when a = σ(zᴸ). The gradient checker verifies that numerically for every case.
public enum Cost: String, CaseIterable, Sendable, Codable {
    /// The quadratic cost of chapter 1: C = ½‖y − a‖².
    case quadratic
    /// The cross-entropy cost of chapter 3: C = −Σⱼ [yⱼ ln aⱼ + (1 − yⱼ) ln(1 − aⱼ)].
    case crossEntropy = "cross-entropy"

    /// The cost of output `a` against target `y`.
    ///
    /// Cross-entropy follows `network2.py`'s `np.nan_to_num`: a term whose coefficient
    /// is 0 contributes 0 (so 0·ln 0 = 0), and an infinite term (aⱼ = 1 while yⱼ < 1,
    /// or aⱼ = 0 while yⱼ > 0) is replaced by the largest finite Double.
    public func fn(a: Vector, y: Vector) -> Double {
        switch self {
        case .quadratic:
            return 0.5 * (a - y).squaredNorm
        case .crossEntropy:
            var total = 0.0
            for j in 0..<a.count {
                if y[j] != 0 { total -= y[j] * log(a[j]) }
                if y[j] != 1 { total -= (1 - y[j]) * log(1 - a[j]) }
            }
            return total.isInfinite ? .greatestFiniteMagnitude : total
        }
    }

    /// ∇ₐC = ∂C/∂aᴸ, the derivative of the cost with respect to the output activations
    /// (`network.py`'s `cost_derivative`):
    ///
    /// - quadratic: ∇ₐC = aᴸ − y;
    /// - cross-entropy: ∂C/∂aⱼ = (aⱼ − yⱼ) / (aⱼ(1 − aⱼ)), infinite where aⱼ is exactly 0 or 1.
    public func derivative(a: Vector, y: Vector) -> Vector {
        switch self {
        case .quadratic:
            return a - y
        case .crossEntropy:
            return Vector(zip(a.elements, y.elements).map { a, y in (a - y) / (a * (1 - a)) })
        }
    }

    /// The output error δᴸ = ∂C/∂zᴸ (BP1: δᴸ = ∇ₐC ⊙ σ′(zᴸ)).
    ///
    /// - quadratic: δᴸ = (aᴸ − y) ⊙ σ′(zᴸ), BP1 with ∇ₐC = `derivative(a:y:)`.
    /// - cross-entropy: δᴸ = aᴸ − y; the σ′(zᴸ) = a(1 − a) of BP1 cancels against the
    ///   1 / (a(1 − a)) of ∂C/∂a exactly, so it is not multiplied out in floating point
    ///   (which would give 0/0 at a saturated neuron); this is why this cost learns fast
    ///   when saturated.
    public func delta(z: Vector, a: Vector, y: Vector) -> Vector {
        switch self {
        case .quadratic:
            return derivative(a: a, y: y) ⊙ sigmoidPrime(z)
        case .crossEntropy:
            return a - y
        }
    }

    /// The class name `network2.py` writes in its JSON model files.
    public var network2Name: String {
        switch self {
        case .quadratic: "QuadraticCost"
        case .crossEntropy: "CrossEntropyCost"
        }
    }

    /// The cost named by a `network2.py` class name, or `nil`.
    public init?(network2Name: String) {
        guard let cost = Cost.allCases.first(where: { $0.network2Name == network2Name }) else { return nil }
        self = cost
    }
}
