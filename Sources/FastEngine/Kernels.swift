/// The two loops everything in the fast engine reduces to, written over raw pointers
/// with `SIMD8<Double>` (one AVX-512 register; two AVX2 registers elsewhere).
///
/// Rows are `width` numbers long, `width` a multiple of 8. Every sum runs in the same
/// order as the textbook engine's loop, so the results are the textbook's, bit for bit.
enum Kernels {
    typealias D8 = SIMD8<Double>

    @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> D8 {
        UnsafeRawPointer(p).loadUnaligned(as: D8.self)
    }

    @inline(__always)
    static func store(_ v: D8, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: D8.self)
    }

    /// What `combineRows` does with the combination `acc` it computes.
    enum Output {
        /// out = acc.
        case set
        /// out = decay·out − step·acc: the gradient-descent update of `update_mini_batch`,
        /// w → (1 − ηλ/n)w − (η/m)∇w, computed in the same order as the textbook.
        case descend(decay: Double, step: Double)
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
    static func combineRows(
        into out: UnsafeMutablePointer<Double>, width: Int, output: Output,
        rows: UnsafePointer<Double>, rowStride: Int,
        indices: UnsafePointer<Int32>?, coefficients: UnsafePointer<Double>, count: Int
    ) {
        var c = 0
        while c + 32 <= width {
            var a0 = D8(), a1 = D8(), a2 = D8(), a3 = D8()
            if let indices {
                for t in 0..<count {
                    let r = rows + Int(indices[t]) * rowStride + c
                    let v = D8(repeating: coefficients[t])
                    a0 += v * load(r); a1 += v * load(r + 8); a2 += v * load(r + 16); a3 += v * load(r + 24)
                }
            } else {
                for t in 0..<count {
                    let r = rows + t * rowStride + c
                    let v = D8(repeating: coefficients[t])
                    a0 += v * load(r); a1 += v * load(r + 8); a2 += v * load(r + 16); a3 += v * load(r + 24)
                }
            }
            write(a0, out + c, output); write(a1, out + c + 8, output)
            write(a2, out + c + 16, output); write(a3, out + c + 24, output)
            c += 32
        }
        while c < width {
            var a0 = D8()
            for t in 0..<count {
                let k = indices.map { Int($0[t]) } ?? t
                a0 += D8(repeating: coefficients[t]) * load(rows + k * rowStride + c)
            }
            write(a0, out + c, output)
            c += 8
        }
    }

    @inline(__always)
    private static func write(_ acc: D8, _ p: UnsafeMutablePointer<Double>, _ output: Output) {
        switch output {
        case .set: store(acc, p)
        case let .descend(decay, step): store(D8(repeating: decay) * load(p) - D8(repeating: step) * acc, p)
        }
    }
}
