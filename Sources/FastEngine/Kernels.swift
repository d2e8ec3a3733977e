/// The three loops everything in the fast engine reduces to, written over raw pointers
/// with `SIMD8<Double>` (one AVX-512 register; two AVX2 registers elsewhere).
///
/// Rows are `width` numbers long, `width` a multiple of 8. Sums run over the index t in
/// order, so each output entry adds its terms in the same order as the textbook loop.
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

    /// A linear combination of rows of a matrix:
    ///
    ///     out = (accumulate ? out : 0) + Σₜ coefficients[t] · rows[kₜ]
    ///
    /// where kₜ = `indices[t]` for a sparse combination or kₜ = t when `indices` is nil.
    /// This is every matrix product of the engine, one column of the result at a time:
    /// z = Σₖ aₖ (wᵀ)[k] (the column of W·A for one example), and ∇w's row
    /// (∇wᵀ)[k] = Σₓ aₖ(x) δ(x) (the row k of Δ·Aᵀ).
    ///
    /// The output is held in registers 32 columns (4 × SIMD8) at a time while all the
    /// rows stream past, so `out` is read and written once.
    @inline(__always)
    static func combineRows(
        into out: UnsafeMutablePointer<Double>, width: Int, accumulate: Bool,
        rows: UnsafePointer<Double>, rowStride: Int,
        indices: UnsafePointer<Int32>?, coefficients: UnsafePointer<Double>, count: Int
    ) {
        var c = 0
        while c + 32 <= width {
            var a0 = D8(), a1 = D8(), a2 = D8(), a3 = D8()
            if accumulate {
                a0 = load(out + c); a1 = load(out + c + 8); a2 = load(out + c + 16); a3 = load(out + c + 24)
            }
            for t in 0..<count {
                let k = indices.map { Int($0[t]) } ?? t
                let r = rows + k * rowStride + c
                let v = D8(repeating: coefficients[t])
                a0 += v * load(r); a1 += v * load(r + 8); a2 += v * load(r + 16); a3 += v * load(r + 24)
            }
            store(a0, out + c); store(a1, out + c + 8); store(a2, out + c + 16); store(a3, out + c + 24)
            c += 32
        }
        while c < width {
            var a0 = accumulate ? load(out + c) : D8()
            for t in 0..<count {
                let k = indices.map { Int($0[t]) } ?? t
                a0 += D8(repeating: coefficients[t]) * load(rows + k * rowStride + c)
            }
            store(a0, out + c)
            c += 8
        }
    }

    /// y ← y + a·x over one row (BLAS's axpy): one example's contribution aₖ δ to row k
    /// of ∇wᵀ for a sparse input.
    @inline(__always)
    static func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, width: Int) {
        let v = D8(repeating: a)
        var c = 0
        while c < width {
            store(load(y + c) + v * load(x + c), y + c)
            c += 8
        }
    }

    /// x ← s·x over `count` numbers (the weight decay (1 − ηλ/n)·w of L2).
    @inline(__always)
    static func scale(_ x: UnsafeMutablePointer<Double>, by s: Double, count: Int) {
        for i in 0..<count { x[i] *= s }
    }

    /// The dot product of two rows, Σⱼ xⱼ yⱼ: one entry of (wˡ⁺¹)ᵀ δˡ⁺¹ in BP2.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, width: Int) -> Double {
        var s = D8()
        var c = 0
        while c < width {
            s += load(x + c) * load(y + c)
            c += 8
        }
        return s.sum()
    }
}
