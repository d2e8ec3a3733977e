import Foundation

/// The sigmoid function σ(z) = 1 / (1 + e⁻ᶻ).
///
/// Computed so that it never overflows: for z ≥ 0 as 1 / (1 + e⁻ᶻ), and for z < 0 as
/// eᶻ / (1 + eᶻ), so the exponential is always of a non-positive number. Hence
/// σ(−1000) = 0, σ(1000) = 1 and σ(z) is never NaN for a finite or infinite z
/// (σ(NaN) is NaN).
@inlinable
public func sigmoid(_ z: Double) -> Double {
    if z >= 0 {
        return 1 / (1 + exp(-z))
    } else {
        let e = exp(z)
        return e / (1 + e)
    }
}

/// The derivative σ′(z) = σ(z)(1 − σ(z)). Tends to 0 (never NaN) as |z| → ∞.
@inlinable
public func sigmoidPrime(_ z: Double) -> Double {
    let s = sigmoid(z)
    return s * (1 - s)
}

/// σ applied to each component (NumPy's vectorised `sigmoid(z)`).
public func sigmoid(_ z: Vector) -> Vector { z.map { sigmoid($0) } }

/// σ′ applied to each component.
public func sigmoidPrime(_ z: Vector) -> Vector { z.map { sigmoidPrime($0) } }
