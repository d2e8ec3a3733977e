import CKernels

/// The loop everything in the fast engine reduces to besides the first layer's sweep,
/// run by the C kernels of the chosen `KernelSet` (AVX2 or baseline), and `SIMD8<S>`
/// loads and stores for the small element-wise loops left in Swift.
///
/// Rows are `width` numbers long, `width` a multiple of 8. Every sum runs in the same
/// order as the textbook engine's loop, so the results are the textbook's, bit for bit.
enum Kernels {
    typealias D8 = SIMD8<Double>

    @inline(__always)
    static func load<S: FastScalar>(_ p: UnsafePointer<S>) -> SIMD8<S> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<S>.self)
    }

    @inline(__always)
    static func store<S: FastScalar>(_ v: SIMD8<S>, _ p: UnsafeMutablePointer<S>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<S>.self)
    }

    /// What `combineRows` does with the combination `acc` it computes.
    enum Output<S: FastScalar> {
        /// out = acc.
        case set
        /// out = decay·out − step·acc: the gradient-descent update of `update_mini_batch`,
        /// w → (1 − ηλ/n)w − (η/m)∇w, computed in the same order as the textbook.
        case descend(decay: S, step: S)

        /// What the C kernels take: descend (0 or 1), decay, step.
        var kernelArguments: (Int32, S, S) {
            switch self {
            case .set: (0, 0, 0)
            case let .descend(decay, step): (1, decay, step)
            }
        }
    }

    /// A linear combination of rows of a matrix,
    ///
    ///     acc = Σₜ coefficients[t] · rows[kₜ]       (t in order, from 0)
    ///
    /// where kₜ = `indices[t]` for a sparse combination or kₜ = t when `indices` is nil,
    /// stored into `out` as `output` says. This is every matrix product of the engine,
    /// one column of the result at a time: z = Σₖ aₖ (wᵀ)[k] (column e of W·A for
    /// example e), and (∇wᵀ)[k] = Σₑ aₖ(e) δ(e) (row k of A·Δᵀ, i.e. of (Δ·Aᵀ)ᵀ).
    ///
    /// The sum for each entry runs over t in order, exactly as the textbook's loops run,
    /// so each entry is the textbook's number bit for bit (no fused multiply-add).
    /// `acc` is held in registers 32 columns at a time while the rows stream past, so
    /// `out` is read and written once (`combine` in `Sources/CKernels/kernels_body.h`).
    @inline(__always)
    static func combineRows<S: FastScalar>(
        _ kernels: KernelSet, into out: UnsafeMutablePointer<S>, width: Int, output: Output<S>,
        rows: UnsafePointer<S>, rowStride: Int,
        indices: UnsafePointer<Int32>?, coefficients: UnsafePointer<S>, count: Int
    ) {
        let (descend, decay, step) = output.kernelArguments
        bpl_combine(kernels.table, S.single, out, width, descend, Double(decay), Double(step), rows, rowStride,
                    indices, coefficients, count)
    }

    /// `combineRows` for `outputs` outputs at once, the same rows for all: output o
    /// (`outputStride` apart from `out`) is Σₜ coefficients[o·coefficientStride +
    /// t·coefficientStep] · rows[t], t ascending from +0, written as `output` says. Two
    /// outputs run in step (two independent sums sharing each row's loads); each is the
    /// number `combineRows` gives, bit for bit. Used for a whole mini-batch at a time:
    /// Zˡ = Aˡ⁻¹(wˡ)ᵀ (one output per example), BP2's (wˡ⁺¹)ᵀΔˡ⁺¹ (likewise), and the
    /// descent of every row of (wˡ)ᵀ (one output per input k, summing over the examples).
    /// (`combine_many` in `Sources/CKernels/kernels_body.h`.)
    @inline(__always)
    static func combineMany<S: FastScalar>(
        _ kernels: KernelSet, into out: UnsafeMutablePointer<S>, outputStride: Int, outputs: Int, width: Int,
        output: Output<S>, rows: UnsafePointer<S>, rowStride: Int,
        coefficients: UnsafePointer<S>, coefficientStride: Int, coefficientStep: Int, count: Int
    ) {
        let (descend, decay, step) = output.kernelArguments
        bpl_combine_many(kernels.table, S.single, out, outputStride, outputs, width, descend, Double(decay), Double(step),
                         rows, rowStride, coefficients, coefficientStride, coefficientStep, count)
    }
}
