import BackpropEngine

extension FastNetwork {
    /// The mean gradient of the cost over `miniBatch`, from one matrix-form pass:
    ///
    ///     ∂C/∂bˡ = (1/m) Δˡ 1,   ∂C/∂wˡ = (1/m) Δˡ (Aˡ⁻¹)ᵀ + (λ/n) wˡ
    ///
    /// — the mean of the textbook's per-example `backprop` gradients, plus the L2 term
    /// when λ > 0 (the gradient of C = (1/m)Σₓ Cₓ + (λ/2n)Σw², as `totalCost` defines
    /// it). The same code as an SGD step, run on zeros instead of the weights with step −1/m,
    /// in this network's precision.
    public func gradient(miniBatch: [Example], lambda: Double, n: Int) -> Gradient {
        switch storage {
        case .double(let p): gradient(parameters: p, miniBatch: miniBatch, lambda: lambda, n: n)
        case .float(let p): gradient(parameters: p, miniBatch: miniBatch, lambda: lambda, n: n)
        }
    }

    private func gradient<S: FastScalar>(parameters: AlignedBuffer<S>, miniBatch: [Example], lambda: Double, n: Int) -> Gradient {
        let m = miniBatch.count
        let data = PackedDataSet(miniBatch, sizes: sizes)
        let workspace = BatchWorkspace<S>(layout: layout, capacity: m, nonZeros: data.nonZeros(inBatchesOf: m), kernels: kernels)
        let batch = AlignedBuffer<Int>(count: m, repeating: 0)
        for e in 0..<m { batch.pointer[e] = e }
        let sum = AlignedBuffer<S>(count: layout.parameterLength, repeating: 0)
        if m > 0 {
            workspace.forward(parameters: parameters.pointer, data: data, batch: batch.pointer, m: m)
            workspace.backward(parameters: parameters.pointer, data: data, batch: batch.pointer, m: m, cost: cost)
            workspace.finish(workspace.descend(sum.pointer, decay: 1, step: S(-1 / Double(m)), data: data, batch: batch.pointer, m: m))
        }
        if lambda > 0 {
            let c = S(lambda / Double(max(n, 1)))
            for i in 0..<layout.layerCount {
                let offset = layout.weightOffsets[i]
                for t in offset..<(offset + layout.sizes[i] * layout.widths[i]) {
                    sum.pointer[t] += c * parameters.pointer[t]
                }
            }
        }
        let (nablaB, nablaW) = layout.unpack(sum.pointer)
        return Gradient(nablaB: nablaB, nablaW: nablaW)
    }
}
