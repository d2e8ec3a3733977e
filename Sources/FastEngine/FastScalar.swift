import BackpropEngine

/// The number type the fast engine computes in.
///
/// - `double`, the default: every number is the textbook engine's, bit for bit.
/// - `float`: weights, activations and δ in 32-bit `Float`, half the memory traffic
///   and twice the numbers per SIMD register. Results agree with the textbook engine
///   to Float's precision (about 1e-6 relative for one step; the tests check it), not
///   bit for bit, and training curves drift apart slowly as the roundings accumulate.
public enum Precision: String, Sendable, CaseIterable, Codable {
    case double
    case float
}

/// A scalar the fast engine's kernels run on: `Double` or `Float`, eight to a `SIMD8`.
protocol FastScalar: BinaryFloatingPoint, SIMDScalar, Sendable, BitwiseCopyable {
    /// σ(z), the textbook's `sigmoid` (for Float: computed in Double, then rounded).
    static func sigmoid(_ z: Self) -> Self
}

extension Double: FastScalar {
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double { BackpropEngine.sigmoid(z) }
}

extension Float: FastScalar {
    @inline(__always)
    static func sigmoid(_ z: Float) -> Float { Float(BackpropEngine.sigmoid(Double(z))) }
}
