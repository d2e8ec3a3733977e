import CKernels
import Foundation

/// eˣ eight lanes at a time, bit for bit the same as the platform's scalar `exp`
/// (glibc 2.36's `__exp_fma`, which Foundation's `exp` calls on an x86-64 CPU with FMA),
/// and the textbook sigmoid built on it.
///
/// The algorithm is glibc's `sysdeps/ieee754/dbl-64/e_exp.c` (Szabolcs Nagy, Arm), with
/// N = 128, and with the fused multiply-adds exactly where GCC put them in `__exp_fma`
/// (read from libm's machine code; `fma(a, b, c)` = a·b + c rounded once):
///
///     kd    = fma(x, N/ln2, Shift)            Shift = 1.5·2⁵², so kd's low bits hold k = round(x·N/ln2)
///     ki    = bits(kd);  kd = kd − Shift
///     r     = fma(kd, −ln2/N_lo, fma(kd, −ln2/N_hi, x))     x = k·ln2/N + r, |r| ≤ ln2/2N
///     tail  = T[2j], sbits = T[2j+1] + k·2⁴⁵   j = k mod N:  2^(k/N) ≈ scale·(1 + tail)
///     tmp   = fma(r⁴, fma(r, C5, C4), fma(fma(r, C3, C2), r², tail + r))     r² = r·r, r⁴ = r²·r²
///     exp x = fma(scale, tmp, scale)           scale = double(sbits)
///
/// glibc takes that path when 2⁻⁵⁴ ≤ |x| < 512, and so does `exp` here; for |x| < 2⁻⁵⁴
/// both return 1 + x. Lanes with |x| ≥ 512, ±∞ or NaN (glibc's `specialcase`: subnormal
/// and zero results, overflow) are rare and are handed to the scalar `exp`, so they match
/// trivially. The table T and the constants are the bits of libm's `__exp_data`.
///
/// The code is C (`Sources/CKernels/kernels.c`, `exp4`), compiled for AVX2 + FMA and
/// used only by the AVX2 kernel set: exactness is a claim about one libm, so
/// `matchesPlatform` checks it once at run time and `KernelSet.automatic` takes the
/// AVX2 set only when it holds. (On a CPU without FMA glibc picks `__exp_sse2`, which
/// fuses nothing; the baseline set computes σ with the scalar `exp` itself, so it is
/// exact on any libm.) Here are the Swift views of it that the tests check.
enum VectorExp {
    typealias D8 = Kernels.D8

    /// eˣ for each lane by the AVX2 set's vector exp — bit-identical to the scalar `exp`
    /// of glibc's FMA build for every input (checked for x ≤ 0; positive x take the same
    /// paths as in glibc). −0 and 0 give 1, −∞ gives 0, NaN gives NaN, x < −745.14 gives
    /// 0. Without the AVX2 set (another CPU), the scalar `exp` lane by lane.
    static func exp(_ x: D8) -> D8 {
        var input = x, output = D8()
        let vector = withUnsafePointer(to: &input) { xp in
            withUnsafeMutablePointer(to: &output) { yp in
                bpl_vector_exp(UnsafeRawPointer(xp).assumingMemoryBound(to: Double.self),
                               UnsafeMutableRawPointer(yp).assumingMemoryBound(to: Double.self), 8)
            }
        }
        if vector == 0 { for lane in 0..<8 { output[lane] = Foundation.exp(x[lane]) } }
        return output
    }

    /// σ(z) for each lane by the kernel set's σ (the AVX2 set's when the CPU has it), as
    /// the fast engine computes it: bit-identical to `BackpropEngine.sigmoid`.
    static func sigmoid(_ z: D8, kernels: KernelSet = .automatic) -> D8 {
        var values = z, bias = D8()
        withUnsafeMutablePointer(to: &values) { zp in
            withUnsafePointer(to: &bias) { bp in bpl_sigmoid_bias(kernels.table, 0, zp, bp, 8, 8) }
        }
        return values
    }

    /// Whether `exp` agrees bit for bit with this process's scalar `exp`, on a fixed set of
    /// about 10,000 inputs: a grid over [−746, 0], 4,000 points spread over [−40, 0], the
    /// table-index boundaries x ≈ −(j + ½)·ln2/128 with their neighbours, the thresholds
    /// 2⁻⁵⁴, 512, 708.4 (subnormal results), 745.13 (zero), ±0, ±∞, NaN, and 24 inputs on
    /// which glibc's FMA-free `__exp_sse2` (what a CPU without FMA gets) differs from
    /// `__exp_fma`. Computed once.
    static var matchesPlatform: Bool { selfCheck }

    private static let selfCheck: Bool = {
        let inputs = selfCheckInputs
        return stride(from: 0, to: inputs.count, by: 8).allSatisfy { start in
            let x = D8(inputs[start..<start + 8]), y = exp(x)
            return (0..<8).allSatisfy { lane in
                let expected = Foundation.exp(x[lane])
                return y[lane].bitPattern == expected.bitPattern || (y[lane].isNaN && expected.isNaN)
            }
        }
    }()

    /// The inputs of `matchesPlatform`'s check (a multiple of 8 of them).
    static var selfCheckInputs: [Double] {
        var inputs: [Double] = [
            0, -0.0, -0x1p-54, (-0x1p-54).nextUp, (-0x1p-54).nextDown, -1e-300, -0x1p-1074,
            -512, (-512.0).nextUp, (-512.0).nextDown, -708.3964185322641, -708.4, -709,
            -744.4400719213812, -745.1332191019411, -745.1332191019412, -745.2, -1024, -2000,
            -.infinity, .nan, -.nan, .infinity, 1, 0x1p-60, 700,
        ]
        inputs += [   // exp(x) from __exp_sse2 ≠ from __exp_fma: random, then near boundaries
            -0x1.e82bfbadabbaep+4, -0x1.d9721c132395bp+4, -0x1.697685a6fcecep+1, -0x1.22f509e120f62p+5,
            -0x1.8f74c80fa36fbp+4, -0x1.45836180f7e4cp+4, -0x1.ffbcd2a4b8234p+4, -0x1.d62c2248bca5cp+4,
            -0x1.26a6840ab29e8p+4, -0x1.92284b0d88c07p+2, -0x1.03cfe6b0520e3p+4, -0x1.d0dbc769b4a26p+3,
            -0x1.3687a9f1af2b1p-6, -0x1.6dfb516f20bbdp-4, -0x1.25e4f7b273801p-3, -0x1.472a5c30ead6fp-3,
            -0x1.d7570faa454eap-3, -0x1.18080dd3171b8p-2, -0x1.49f02490ca1ddp-2, -0x1.f1adff390e73dp-1,
            -0x1.0551054bf3fa9p+0, -0x1.ccf16042c0041p+0, -0x1.36e062fdab145p+1, -0x1.5f143c6bd09d7p+1,
        ]
        inputs += (0...2000).map { -746 * Double($0) / 2000 }
        inputs += (1...4000).map { -40 * (Double($0) * 0.6180339887498949).truncatingRemainder(dividingBy: 1) }
        for j in stride(from: 0, to: 137_700, by: 97) {
            let boundary = -(Double(j) + 0.5) * 0x1.62e42fefa39efp-8   // −(j + ½)·ln2/128
            inputs += [boundary.nextDown, boundary, boundary.nextUp]
        }
        while !inputs.count.isMultiple(of: 8) { inputs.append(-0.5) }
        return inputs
    }
}

extension Kernels {
    /// Whether the fast engine may use `VectorExp` (bit-identical to the scalar `exp` here).
    static var vectorExpMatchesPlatform: Bool { VectorExp.matchesPlatform }
}
