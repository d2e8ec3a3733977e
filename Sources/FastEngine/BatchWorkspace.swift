import BackpropEngine
import CKernels

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
final class BatchWorkspace<S: FastScalar>: @unchecked Sendable {
    // @unchecked Sendable: a workspace belongs to one call (or one evaluation chunk).

    let layout: FastLayout
    /// The most examples one pass can hold.
    let capacity: Int
    private let storage: AlignedBuffer<S>
    private let activationOffsets: [Int]
    private let deltaOffsets: [Int]
    /// wˡ itself (not transposed), rows padded to layer l − 1's width, for l ≥ 3: BP2's
    /// (wˡ)ᵀδˡ is then a combination of its rows. Copied from the parameters per batch.
    private let weightRowOffsets: [Int]
    private let coefficientOffset: Int
    /// The first layer's products and (for the batches it regroups) its update, for all its
    /// rows unless the work is pipelined over threads (`PipelinedEpoch`: one workspace
    /// per thread, each with its own run of rows).
    let sweep: FirstLayerSweep<S>
    /// The compiled loops the products, σ and updates run on.
    let kernels: KernelSet
    /// Scratch for the first layer's ∇w of larger batches: their sparse inputs regrouped
    /// by input neuron k (compressed columns), so that each touched row of wᵀ is updated once.
    private let sparse: SparseColumns<S>

    /// A workspace for up to `capacity` examples with at most `nonZeros` non-zero inputs
    /// among them, computing the first layer's `rows` (its inputs k; all by default).
    init(layout: FastLayout, capacity: Int, nonZeros: Int, kernels: KernelSet, rows: Range<Int>? = nil) {
        self.kernels = kernels
        self.layout = layout
        self.capacity = max(capacity, 1)
        sweep = FirstLayerSweep(inputs: layout.sizes[0], width: layout.widths[0], capacity: max(capacity, 1),
                                kernels: kernels, rows: rows)
        sparse = SparseColumns(inputs: layout.sizes[0], capacity: sweep.recordsColumns(self.capacity) ? 0 : nonZeros)
        var offset = 0
        var activationOffsets: [Int] = [], deltaOffsets: [Int] = [], weightRowOffsets: [Int] = [0]
        for width in layout.widths {
            activationOffsets.append(offset)
            offset += self.capacity * width
            deltaOffsets.append(offset)
            offset += self.capacity * width
        }
        for i in layout.widths.indices.dropFirst() {
            weightRowOffsets.append(offset)
            offset += layout.sizes[i + 1] * layout.widths[i - 1]
        }
        coefficientOffset = offset
        offset += self.capacity                 // the coefficients: 1 per example (∇b = Σₑ δ(e))
        self.activationOffsets = activationOffsets
        self.deltaOffsets = deltaOffsets
        self.weightRowOffsets = weightRowOffsets
        storage = AlignedBuffer(count: offset, repeating: 0)
    }

    /// Where Z² and A² live when they are not in this workspace's storage: threads that
    /// pipeline the first layer carry each example's Z² along in one shared matrix.
    var sharedFirstActivation: UnsafeMutablePointer<S>?

    /// Row 0 of Aˡ, l = i + 2; row e is `width` further on per example.
    func activation(_ i: Int) -> UnsafeMutablePointer<S> {
        if i == 0, let sharedFirstActivation { return sharedFirstActivation }
        return storage.pointer + activationOffsets[i]
    }
    /// Row 0 of Δˡ, l = i + 2.
    func delta(_ i: Int) -> UnsafeMutablePointer<S> { storage.pointer + deltaOffsets[i] }
    private var coefficients: UnsafeMutablePointer<S> { storage.pointer + coefficientOffset }

    /// Feedforward for examples `batch[0..<m]` of `data`: Zˡ = wˡAˡ⁻¹ + bˡ1ᵀ, Aˡ = σ(Zˡ),
    /// layer by layer. The first product skips the zero inputs and runs in the first
    /// layer's sweep, after the `pending` update of the previous batch (see `descend`).
    func forward(parameters p: UnsafePointer<S>, data: PackedDataSet, batch: UnsafePointer<Int>, m: Int,
                 after pending: FirstLayerSweep<S>.Update? = nil, upcoming: UnsafePointer<Int>? = nil, upcomingCount: Int = 0,
                 aheadCount: Int = 0) {
        forwardFirstLayer(parameters: p, data: data, batch: batch, m: m, after: pending,
                          upcoming: upcoming, upcomingCount: upcomingCount, aheadCount: aheadCount)
        forwardUpperLayers(parameters: p, m: m)
    }

    /// The first layer's feedforward — Z² and A² = σ(Z² + b²) — after the `pending` update.
    func forwardFirstLayer(parameters p: UnsafePointer<S>, data: PackedDataSet, batch: UnsafePointer<Int>,
                           m: Int, after pending: FirstLayerSweep<S>.Update?, upcoming: UnsafePointer<Int>?, upcomingCount: Int,
                           aheadCount: Int = 0) {
        withExtendedLifetime(data) {
            sweep.sweep(update: pending, products: .init(weights: p + layout.weightOffsets[0], rows: data.rows(S.self),
                                                         batch: batch, m: m,
                                                         z: activation(0), upcoming: upcoming,
                                                         upcomingCount: upcomingCount, aheadCount: aheadCount))
        }
        activateFirstLayer(parameters: p, m: m)
    }

    /// A² = σ(Z² + b²), from Z² in `activation(0)`.
    func activateFirstLayer(parameters p: UnsafePointer<S>, m: Int) {
        let width = layout.widths[0], n = layout.sizes[1]
        let b = p + layout.biasOffsets[0]
        for e in 0..<m {
            // σ(z + b), the textbook's σ bit for bit (for Float: of the Float sum, in
            // Double, rounded); the padding stays 0.
            bpl_sigmoid_bias(kernels.table, S.single, activation(0) + e * width, b, width, n)
        }
    }

    /// The feedforward of layers 3 to L, after the first layer's.
    func forwardUpperLayers(parameters p: UnsafePointer<S>, m: Int) {
        for i in 1..<max(layout.layerCount, 1) {
            let width = layout.widths[i], n = layout.sizes[i + 1]
            let wT = p + layout.weightOffsets[i], b = p + layout.biasOffsets[i]
            // Row e of Zˡ = Σₖ aₖˡ⁻¹(e) (wˡ)ᵀ[k], every example at once.
            Kernels.combineMany(kernels, into: activation(i), outputStride: width, outputs: m, width: width, output: .set,
                                rows: wT, rowStride: width, coefficients: activation(i - 1),
                                coefficientStride: layout.widths[i - 1], coefficientStep: 1, count: layout.sizes[i])
            for e in 0..<m {
                // σ(z + b), the textbook's σ bit for bit (for Float: of the Float sum, in
                // Double, rounded); the padding stays 0.
                bpl_sigmoid_bias(kernels.table, S.single, activation(i) + e * width, b, width, n)
            }
        }
    }

    /// The backward pass after `forward`: Δᴸ by BP1 (`cost`), then Δˡ by BP2 down to l = 2.
    func backward(parameters p: UnsafePointer<S>, data: PackedDataSet, batch: UnsafePointer<Int>, m: Int, cost: Cost) {
        let last = layout.layerCount - 1
        let width = layout.widths[last], n = layout.sizes[last + 1]
        for e in 0..<m {
            let a = activation(last) + e * width, d = delta(last) + e * width
            let y = data.targets.pointer + batch[e] * data.outputSize
            switch cost {
            case .quadratic: for j in 0..<n { d[j] = (a[j] - S(y[j])) * (a[j] * (1 - a[j])) }     // (a − y) ⊙ σ′(z)
            case .crossEntropy: for j in 0..<n { d[j] = a[j] - S(y[j]) }
            }
            for j in n..<width { d[j] = 0 }
        }
        for i in stride(from: last - 1, through: 0, by: -1) {
            let width = layout.widths[i], n = layout.sizes[i + 1]
            let upper = layout.widths[i + 1], upperCount = layout.sizes[i + 2]
            let wT = p + layout.weightOffsets[i + 1], w = storage.pointer + weightRowOffsets[i + 1]
            for j in 0..<upperCount {
                for k in 0..<width { w[j * width + k] = k < n ? wT[k * upper + j] : 0 }
            }
            // (wˡ⁺¹)ᵀ δˡ⁺¹ = Σⱼ δⱼ (row j of wˡ⁺¹): each entry summed over j ascending, every example at once.
            Kernels.combineMany(kernels, into: delta(i), outputStride: width, outputs: m, width: width, output: .set,
                                rows: w, rowStride: width, coefficients: delta(i + 1), coefficientStride: upper,
                                coefficientStep: 1, count: upperCount)
            for e in 0..<m {
                let a = activation(i) + e * width, d = delta(i) + e * width
                // ⊙ σ′(zˡ) = aˡ(1 − aˡ), eight at a time; in the padding a = 0 and the sum is 0, so d stays 0.
                for k in stride(from: 0, to: width, by: 8) {
                    let ak = Kernels.load(a + k)
                    Kernels.store(Kernels.load(d + k) * (ak * (1 - ak)), d + k)
                }
            }
        }
    }

    /// After `backward`, one gradient-descent step on `target` (laid out like the
    /// parameters), exactly as `update_mini_batch` computes it:
    ///
    ///     ∇b = Σₓ δˡ(x),   ∇w = Σₓ δˡ(x) (aˡ⁻¹(x))ᵀ = Δˡ(Aˡ⁻¹)ᵀ      (BP3, BP4 over the batch)
    ///     b → b − step·∇b,   w → decay·w − step·∇w
    ///
    /// SGD uses target = the parameters, step = η/m, decay = 1 − ηλ/n. With a zeroed
    /// target, step = −1/m and decay = 1 the target becomes the mean gradient.
    ///
    /// For a batch the first layer's sweep regrouped (`FirstLayerSweep.recordsColumns`), the first
    /// layer's weights are left to the next sweep, which updates each block of rows just
    /// before using it: the update is returned, to be passed to the next `forward` or to
    /// `finish`. Otherwise everything is updated here and the result is nil.
    func descend(_ target: UnsafeMutablePointer<S>, decay: S, step: S,
                 data: PackedDataSet, batch: UnsafePointer<Int>, m: Int) -> FirstLayerSweep<S>.Update? {
        for e in 0..<m { coefficients[e] = 1 }
        for i in 0..<layout.layerCount {
            let width = layout.widths[i], inputs = layout.sizes[i]
            let wT = target + layout.weightOffsets[i], b = target + layout.biasOffsets[i], d = delta(i)
            Kernels.combineRows(kernels, into: b, width: width, output: .descend(decay: 1, step: step),
                                rows: d, rowStride: width, indices: nil, coefficients: coefficients, count: m)
            if i == 0 {
                if sweep.recordsColumns(m) {
                    sweep.scatter(delta: d, m: m, data: data)
                    continue
                }
                descendSparse(wT, width: width, decay: decay, step: step, data: data, batch: batch, m: m)
            } else {
                // Row k of (wˡ)ᵀ: decay·w − step·Σₑ aₖˡ⁻¹(e) δˡ(e), every k at once.
                Kernels.combineMany(kernels, into: wT, outputStride: width, outputs: inputs, width: width,
                                    output: .descend(decay: decay, step: step), rows: d, rowStride: width,
                                    coefficients: activation(i - 1), coefficientStride: 1,
                                    coefficientStep: layout.widths[i - 1], count: m)
            }
        }
        guard sweep.recordsColumns(m) else { return nil }
        return FirstLayerSweep<S>.Update(target: target + layout.weightOffsets[0], delta: delta(0), decay: decay, step: step)
    }

    /// Applies an update `descend` left pending, when no batch follows it.
    func finish(_ pending: FirstLayerSweep<S>.Update?) {
        if let pending { sweep.sweep(update: pending, products: nil) }
    }

    /// The first layer's step for a batch the sweep did not regroup: sparse A¹, so only
    /// the rows k of wᵀ with a non-zero input in the batch get a gradient; the others are
    /// only decayed (decay·w − step·0 = decay·w).
    private func descendSparse(_ wT: UnsafeMutablePointer<S>, width: Int, decay: S, step: S,
                               data: PackedDataSet, batch: UnsafePointer<Int>, m: Int) {
        sparse.gather(data: data, batch: batch, m: m)
        if decay != 1 {
            for k in 0..<layout.sizes[0] where !sparse.touches(k) {
                for j in 0..<width { wT[k * width + j] *= decay }
            }
        }
        sparse.forEachColumn { k, examples, values, count in
            Kernels.combineRows(kernels, into: wT + k * width, width: width, output: .descend(decay: decay, step: step),
                                rows: delta(0), rowStride: width, indices: examples, coefficients: values, count: count)
        }
    }
}
