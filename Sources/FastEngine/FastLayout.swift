import BackpropEngine

/// Where each layer's numbers live in the fast engine's flat, padded buffers.
///
/// For the book's layer l ≥ 2 (index i = l − 2 here) with nᵢₙ = sizes[i] inputs and
/// nₒᵤₜ = sizes[i + 1] neurons, the engine stores
///
/// - (wˡ)ᵀ, the transpose of the weight matrix, row-major: row k holds the weights
///   *from* input neuron k to every neuron of layer l, so row k is wˡ's column k;
/// - bˡ;
///
/// each row padded with zeros to `widths[i]`, nₒᵤₜ rounded up to a multiple of 8, so a
/// row is a whole number of `SIMD8<Double>` and of 64-byte cache lines. The padding
/// stays exactly 0 through training (its δ is always 0), so it never changes a sum.
struct FastLayout: Sendable, Equatable {
    /// Neurons per layer, input first.
    let sizes: [Int]
    /// The padded width of layer i + 2's rows: sizes[i + 1] rounded up to a multiple of 8.
    let widths: [Int]
    /// Where (wˡ)ᵀ starts in the parameter buffer, for i = l − 2.
    let weightOffsets: [Int]
    /// Where bˡ starts in the parameter buffer, for i = l − 2.
    let biasOffsets: [Int]
    /// The length of the parameter buffer.
    let parameterLength: Int

    /// The number of weight layers, L − 1.
    var layerCount: Int { widths.count }

    init(sizes: [Int]) {
        self.sizes = sizes
        widths = sizes.dropFirst().map(FastLayout.padded)
        var weightOffsets: [Int] = []
        var biasOffsets: [Int] = []
        var offset = 0
        for (i, width) in widths.enumerated() {
            weightOffsets.append(offset)
            offset += sizes[i] * width
            biasOffsets.append(offset)
            offset += width
        }
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        parameterLength = offset
    }

    /// `n` rounded up to a multiple of 8, the lanes of a `SIMD8<Double>`.
    static func padded(_ n: Int) -> Int { (n + 7) / 8 * 8 }

    /// Writes wˡ transposed and bˡ of every layer into a zeroed buffer at these offsets
    /// (rounded to Float for a Float buffer).
    func pack<S: FastScalar>(biases: [Vector], weights: [Matrix], into p: UnsafeMutablePointer<S>) {
        for i in 0..<layerCount {
            let w = weights[i], width = widths[i]
            let wT = p + weightOffsets[i], b = p + biasOffsets[i]
            for j in 0..<w.rows {
                for k in 0..<w.columns { wT[k * width + j] = S(w.elements[j * w.columns + k]) }
                b[j] = S(biases[i][j])
            }
        }
    }

    /// The biases and (untransposed, unpadded) weight matrices stored in `p`:
    /// the inverse of `pack`, for parameters and gradients alike.
    func unpack<S: FastScalar>(_ p: UnsafePointer<S>) -> (biases: [Vector], weights: [Matrix]) {
        var biases: [Vector] = [], weights: [Matrix] = []
        for i in 0..<layerCount {
            let rows = sizes[i + 1], columns = sizes[i], width = widths[i]
            let wT = p + weightOffsets[i], b = p + biasOffsets[i]
            var w = Matrix(zeros: rows, columns)
            for j in 0..<rows {
                for k in 0..<columns { w.elements[j * columns + k] = Double(wT[k * width + j]) }
            }
            weights.append(w)
            biases.append(Vector((0..<rows).map { Double(b[$0]) }))
        }
        return (biases, weights)
    }
}
