import _Differentiation
import Foundation

// The few primitives the oracle's cost is built from, each with its derivative stated
// once. Everything above them (the layers, the chain rule through the network, the
// mean over the batch, the L2 term) is differentiated by the compiler.

/// σ(z) = 1 / (1 + e⁻ᶻ), computed without overflow; dσ/dz = σ(z)(1 − σ(z)).
@differentiable(reverse)
func logistic(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
}

@derivative(of: logistic)
func logisticVJP(_ z: Double) -> (value: Double, pullback: (Double) -> Double) {
    let s = logistic(z)
    return (s, { t in t * s * (1 - s) })
}

/// ln x; d(ln x)/dx = 1/x.
@differentiable(reverse)
func naturalLog(_ x: Double) -> Double { log(x) }

@derivative(of: naturalLog)
func naturalLogVJP(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
    (log(x), { t in t / x })
}

/// u · v = Σᵢ uᵢvᵢ; ∂/∂u = v, ∂/∂v = u. Both arrays must have the same length.
@differentiable(reverse)
func dot(_ u: [Double], _ v: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<min(u.count, v.count) { sum += u[i] * v[i] }
    return sum
}

@derivative(of: dot)
func dotVJP(_ u: [Double], _ v: [Double])
    -> (value: Double, pullback: (Double) -> (Array<Double>.TangentVector, Array<Double>.TangentVector))
{
    (dot(u, v), { t in
        (Array<Double>.TangentVector(v.map { t * $0 }), Array<Double>.TangentVector(u.map { t * $0 }))
    })
}

/// `count` entries of `p` from `start`: the pullback puts the incoming tangent back
/// at those positions of a zero vector as long as `p`.
@differentiable(reverse, wrt: p)
func slice(_ p: [Double], _ start: Int, _ count: Int) -> [Double] {
    Array(p[start..<(start + count)])
}

@derivative(of: slice, wrt: p)
func sliceVJP(_ p: [Double], _ start: Int, _ count: Int)
    -> (value: [Double], pullback: (Array<Double>.TangentVector) -> Array<Double>.TangentVector)
{
    let total = p.count
    return (slice(p, start, count), { t in
        var full = [Double](repeating: 0, count: total)
        for (i, v) in t.base.enumerated() where i < count { full[start + i] = v }
        return Array<Double>.TangentVector(full)
    })
}
