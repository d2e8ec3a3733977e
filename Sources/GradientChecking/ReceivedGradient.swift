import BackpropEngine

/// A gradient as another program sent it: for every layer, ∂C/∂b and ∂C/∂w as nested
/// number lists of whatever shape they had, before anything is trusted.
public struct ReceivedGradient: Sendable, Equatable {
    /// One array as received: its shape (outermost first) and its numbers, row-major.
    public struct Array2D: Sendable, Equatable {
        public var shape: [Int]
        public var values: [Double]
        public init(shape: [Int], values: [Double]) {
            self.shape = shape
            self.values = values
        }
    }

    /// `nabla_b`: one array per layer l = 2…L.
    public var nablaB: [Array2D]
    /// `nabla_w`: one array per layer l = 2…L.
    public var nablaW: [Array2D]

    public init(nablaB: [Array2D], nablaW: [Array2D]) {
        self.nablaB = nablaB
        self.nablaW = nablaW
    }

    /// The gradient in `network`'s shapes, or the first shape that does not fit.
    ///
    /// ∂C/∂bˡ may be a column vector (n, 1) as NumPy's column arrays print, or a flat
    /// list (n). ∂C/∂wˡ must be (rows, columns) = (neurons in layer l, in layer l − 1),
    /// the shape of wˡ — a transposed (columns, rows) answer is a shape mismatch.
    public func gradient(for network: Network, names: (b: String, w: String) = ("nabla_b", "nabla_w")) -> Result<Gradient, ShapeMismatch> {
        let L = network.numLayers
        guard nablaB.count == L - 1 else {
            return .failure(ShapeMismatch(layer: nil, name: names.b, expected: "\(L - 1) arrays (layers 2…\(L))", received: "\(nablaB.count) arrays"))
        }
        guard nablaW.count == L - 1 else {
            return .failure(ShapeMismatch(layer: nil, name: names.w, expected: "\(L - 1) arrays (layers 2…\(L))", received: "\(nablaW.count) arrays"))
        }
        var b: [Vector] = []
        var w: [Matrix] = []
        for l in 2...L {
            let rows = network.sizes[l - 1], columns = network.sizes[l - 2]
            let rb = nablaB[l - 2]
            guard rb.shape == [rows, 1] || rb.shape == [rows] else {
                return .failure(ShapeMismatch(layer: l, name: "\(names.b)[\(l - 2)]",
                                              expected: "(\(rows), 1) or (\(rows),)", received: describe(rb.shape)))
            }
            let rw = nablaW[l - 2]
            guard rw.shape == [rows, columns], let matrix = Matrix(rows: rows, columns: columns, elements: rw.values) else {
                return .failure(ShapeMismatch(layer: l, name: "\(names.w)[\(l - 2)]",
                                              expected: "(\(rows), \(columns)), the shape of weights[\(l - 2)]", received: describe(rw.shape)))
            }
            b.append(Vector(rb.values))
            w.append(matrix)
        }
        return .success(Gradient(nablaB: b, nablaW: w))
    }

    private func describe(_ shape: [Int]) -> String {
        "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }
}
