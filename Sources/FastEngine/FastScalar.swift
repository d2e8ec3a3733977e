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
protocol FastScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable, BitwiseCopyable {
    /// σ of eight numbers: the textbook's `sigmoid` lane by lane (for Float: computed in
    /// Double, then rounded).
    static func sigmoid(_ z: SIMD8<Self>) -> SIMD8<Self>
}

extension Double: FastScalar {
    /// `VectorExp.sigmoid` — bit for bit the textbook's σ — when the platform's `exp` is
    /// the one it replicates, else the textbook's scalar σ lane by lane.
    @inline(__always)
    static func sigmoid(_ z: SIMD8<Double>) -> SIMD8<Double> {
        if VectorExp.matchesPlatform { return VectorExp.sigmoid(z) }
        var s = z
        for lane in 0..<8 { s[lane] = BackpropEngine.sigmoid(z[lane]) }
        return s
    }
}

extension Float: FastScalar {
    @inline(__always)
    static func sigmoid(_ z: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8<Float>(Double.sigmoid(SIMD8<Double>(z)))
    }
}
