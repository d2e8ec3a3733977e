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

/// A scalar the fast engine's kernels run on: `Double` or `Float`.
protocol FastScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable, BitwiseCopyable {
    /// The C kernels' `single` argument: 1 for Float, 0 for Double (see `CKernels.h`).
    static var single: Int32 { get }
}

extension Double: FastScalar {
    static var single: Int32 { 0 }
}

extension Float: FastScalar {
    static var single: Int32 { 1 }
}
