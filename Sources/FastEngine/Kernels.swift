/// The two loops everything in the fast engine reduces to, written over raw pointers
/// with `SIMD8<S>`: for Double one AVX-512 register (two AVX2 registers elsewhere), for
/// Float one AVX2 register.
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
    /// `acc` is held in registers 32 columns (4 × SIMD8) at a time while the rows stream
    /// past, so `out` is read and written once.
    @inline(__always)
    static func combineRows<S: FastScalar>(
        into out: UnsafeMutablePointer<S>, width: Int, output: Output<S>,
        rows: UnsafePointer<S>, rowStride: Int,
        indices: UnsafePointer<Int32>?, coefficients: UnsafePointer<S>, count: Int
    ) {
        var c = 0
        while c + 32 <= width {
            var a0 = SIMD8<S>(), a1 = SIMD8<S>(), a2 = SIMD8<S>(), a3 = SIMD8<S>()
            if let indices {
                for t in 0..<count {
                    let r = rows + Int(indices[t]) * rowStride + c
                    let v = SIMD8<S>(repeating: coefficients[t])
                    a0 += v * load(r); a1 += v * load(r + 8); a2 += v * load(r + 16); a3 += v * load(r + 24)
                }
            } else {
                for t in 0..<count {
                    let r = rows + t * rowStride + c
                    let v = SIMD8<S>(repeating: coefficients[t])
                    a0 += v * load(r); a1 += v * load(r + 8); a2 += v * load(r + 16); a3 += v * load(r + 24)
                }
            }
            write(a0, out + c, output); write(a1, out + c + 8, output)
            write(a2, out + c + 16, output); write(a3, out + c + 24, output)
            c += 32
        }
        // The rest, 16 then 8 columns at a time: two independent sums hide the adds' latency.
        while c + 16 <= width {
            var a0 = SIMD8<S>(), a1 = SIMD8<S>()
            for t in 0..<count {
                let r = rows + (indices.map { Int($0[t]) } ?? t) * rowStride + c
                let v = SIMD8<S>(repeating: coefficients[t])
                a0 += v * load(r); a1 += v * load(r + 8)
            }
            write(a0, out + c, output); write(a1, out + c + 8, output)
            c += 16
        }
        if c < width {
            var a0 = SIMD8<S>()
            for t in 0..<count {
                let k = indices.map { Int($0[t]) } ?? t
                a0 += SIMD8<S>(repeating: coefficients[t]) * load(rows + k * rowStride + c)
            }
            write(a0, out + c, output)
        }
    }

    @inline(__always)
    private static func write<S: FastScalar>(_ acc: SIMD8<S>, _ p: UnsafeMutablePointer<S>, _ output: Output<S>) {
        switch output {
        case .set: store(acc, p)
        case let .descend(decay, step): store(SIMD8(repeating: decay) * load(p) - SIMD8(repeating: step) * acc, p)
        }
    }
}
