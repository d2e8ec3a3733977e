import BackpropEngine

/// The matrices of one mini-batch pass — the chapter 2 exercise, "fully matrix-based
/// backpropagation over a mini-batch" — allocated once and reused for every batch.
///
/// With the m examples of a mini-batch as the columns X = [x₁ … xₘ], the pass is
///
///     Aˡ = σ(Zˡ),  Zˡ = wˡ Aˡ⁻¹ + bˡ 1ᵀ          (A¹ = X)            feedforward
///     Δᴸ = ∇_A C ⊙ σ′(Zᴸ)                                             BP1, per column
///     Δˡ = ((wˡ⁺¹)ᵀ Δˡ⁺¹) ⊙ σ′(Zˡ)                                   BP2, per column
///     ∂C/∂bˡ = (1/m) Δˡ 1,   ∂C/∂wˡ = (1/m) Δˡ (Aˡ⁻¹)ᵀ              BP3, BP4, summed
///
/// Storage is the transpose of those matrices: row e of `activation(i)` is example e's
/// aˡ (column e of Aˡ), padded to the layer's width. σ′(zˡ) is recomputed as aˡ(1 − aˡ),
/// the same numbers `sigmoidPrime` gives, so Zˡ need not be kept.
final class BatchWorkspace: @unchecked Sendable {
    // @unchecked Sendable: a workspace belongs to one call (or one evaluation chunk).

    let layout: FastLayout
    /// The most examples one pass can hold.
    let capacity: Int
    private let storage: AlignedBuffer<Double>
    private let activationOffsets: [Int]
    private let deltaOffsets: [Int]
    private let coefficientOffset: Int

    init(layout: FastLayout, capacity: Int) {
        self.layout = layout
        self.capacity = max(capacity, 1)
        var offset = 0
        var activationOffsets: [Int] = [], deltaOffsets: [Int] = []
        for width in layout.widths {
            activationOffsets.append(offset)
            offset += self.capacity * width
            deltaOffsets.append(offset)
            offset += self.capacity * width
        }
        coefficientOffset = offset
        offset += self.capacity
        self.activationOffsets = activationOffsets
        self.deltaOffsets = deltaOffsets
        storage = AlignedBuffer(count: offset, repeating: 0)
    }

    /// Row 0 of Aˡ, l = i + 2; row e is `width` further on per example.
    func activation(_ i: Int) -> UnsafeMutablePointer<Double> { storage.pointer + activationOffsets[i] }
    /// Row 0 of Δˡ, l = i + 2.
    func delta(_ i: Int) -> UnsafeMutablePointer<Double> { storage.pointer + deltaOffsets[i] }
    private var coefficients: UnsafeMutablePointer<Double> { storage.pointer + coefficientOffset }

    /// Feedforward for examples `batch[0..<m]` of `data`: Zˡ = wˡAˡ⁻¹ + bˡ1ᵀ, Aˡ = σ(Zˡ),
    /// layer by layer. The first product skips the zero inputs.
    func forward(parameters p: UnsafePointer<Double>, data: PackedDataSet, batch: UnsafePointer<Int>, m: Int) {
        for i in 0..<layout.layerCount {
            let width = layout.widths[i], n = layout.sizes[i + 1]
            let wT = p + layout.weightOffsets[i], b = p + layout.biasOffsets[i]
            for e in 0..<m {
                let z = activation(i) + e * width
                if i == 0 {
                    let start = data.rowStarts.pointer[batch[e]], end = data.rowStarts.pointer[batch[e] + 1]
                    Kernels.combineRows(into: z, width: width, accumulate: false, rows: wT, rowStride: width,
                                        indices: data.indices.pointer + start,
                                        coefficients: data.values.pointer + start, count: end - start)
                } else {
                    Kernels.combineRows(into: z, width: width, accumulate: false, rows: wT, rowStride: width,
                                        indices: nil, coefficients: activation(i - 1) + e * layout.widths[i - 1],
                                        count: layout.sizes[i])
                }
                for j in 0..<n { z[j] = sigmoid(z[j] + b[j]) }
                for j in n..<width { z[j] = 0 }
            }
        }
    }

    /// The backward pass after `forward`: Δᴸ by BP1 (`cost`), then Δˡ by BP2 down to l = 2.
    func backward(parameters p: UnsafePointer<Double>, data: PackedDataSet, batch: UnsafePointer<Int>, m: Int, cost: Cost) {
        let last = layout.layerCount - 1
        let width = layout.widths[last], n = layout.sizes[last + 1]
        for e in 0..<m {
            let a = activation(last) + e * width, d = delta(last) + e * width
            let y = data.targets.pointer + batch[e] * data.outputSize
            for j in 0..<n {
                switch cost {
                case .quadratic: d[j] = (a[j] - y[j]) * (a[j] * (1 - a[j]))      // (a − y) ⊙ σ′(z)
                case .crossEntropy: d[j] = a[j] - y[j]
                }
            }
            for j in n..<width { d[j] = 0 }
        }
        for i in stride(from: last - 1, through: 0, by: -1) {
            let width = layout.widths[i], n = layout.sizes[i + 1], upper = layout.widths[i + 1]
            let wT = p + layout.weightOffsets[i + 1]
            for e in 0..<m {
                let a = activation(i) + e * width, d = delta(i) + e * width, dUp = delta(i + 1) + e * upper
                for k in 0..<n {
                    // ((wˡ⁺¹)ᵀ δˡ⁺¹)ₖ is row k of (wˡ⁺¹)ᵀ dotted with δˡ⁺¹.
                    d[k] = Kernels.dot(wT + k * upper, dUp, width: upper) * (a[k] * (1 - a[k]))
                }
                for k in n..<width { d[k] = 0 }
            }
        }
    }

    /// After `backward`, adds c·Σₓ∇Cₓ to `target` (laid out like the parameters), first
    /// multiplying the weights (not the biases) in `target` by `decay`:
    ///
    ///     wᵀ ← decay·wᵀ + c·Aˡ⁻¹(Δˡ)ᵀ,   b ← b + c·Δˡ1        (BP4, BP3 over the batch)
    ///
    /// With target = the parameters, decay = 1 − ηλ/n and c = −η/m this is one SGD step;
    /// with a zeroed target, decay = 1 and c = 1/m it is the mean gradient.
    func accumulate(into target: UnsafeMutablePointer<Double>, decay: Double, c: Double,
                    data: PackedDataSet, batch: UnsafePointer<Int>, m: Int) {
        for i in 0..<layout.layerCount {
            let width = layout.widths[i], inputs = layout.sizes[i]
            let wT = target + layout.weightOffsets[i], b = target + layout.biasOffsets[i]
            let d = delta(i)
            for e in 0..<m { coefficients[e] = c }
            Kernels.combineRows(into: b, width: width, accumulate: true, rows: d, rowStride: width,
                                indices: nil, coefficients: coefficients, count: m)
            if decay != 1 { Kernels.scale(wT, by: decay, count: inputs * width) }
            if i == 0 {
                // Sparse A¹: each non-zero input aₖ adds c·aₖ·δ to row k.
                for e in 0..<m {
                    let start = data.rowStarts.pointer[batch[e]], end = data.rowStarts.pointer[batch[e] + 1]
                    for t in start..<end {
                        let k = Int(data.indices.pointer[t])
                        Kernels.axpy(c * data.values.pointer[t], d + e * width, wT + k * width, width: width)
                    }
                }
            } else {
                let a = activation(i - 1), aWidth = layout.widths[i - 1]
                for k in 0..<inputs {
                    for e in 0..<m { coefficients[e] = c * a[e * aWidth + k] }
                    Kernels.combineRows(into: wT + k * width, width: width, accumulate: true, rows: d,
                                        rowStride: width, indices: nil, coefficients: coefficients, count: m)
                }
            }
        }
    }
}
