/// A dense matrix of `Double`s in row-major order: a weight matrix wˡ or a gradient ∇wˡ.
///
/// wˡ has shape (y, x) where x is the size of layer l − 1 and y the size of layer l,
/// so `w[j, k]` is the book's wˡⱼₖ: the weight from neuron k in layer l − 1 to
/// neuron j in layer l.
public struct Matrix: Equatable, Hashable, Sendable {
    /// The number of rows (neurons in layer l).
    public let rows: Int
    /// The number of columns (neurons in layer l − 1).
    public let columns: Int
    /// The entries, row by row: entry (j, k) is at `j * columns + k`.
    public var elements: [Double]

    /// A `rows` × `columns` matrix of zeros (NumPy's `np.zeros((rows, columns))`).
    public init(zeros rows: Int, _ columns: Int) {
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: 0, count: rows * columns)
    }

    /// A matrix with the given entries in row-major order.
    /// Returns `nil` when `elements.count != rows * columns`.
    public init?(rows: Int, columns: Int, elements: [Double]) {
        guard rows >= 0, columns >= 0, rows.multipliedReportingOverflow(by: columns) == (elements.count, false)
        else { return nil }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows. Returns `nil` if the rows differ in length.
    public init?(rowList: [[Double]]) {
        let columns = rowList.first?.count ?? 0
        guard rowList.allSatisfy({ $0.count == columns }) else { return nil }
        self.rows = rowList.count
        self.columns = columns
        self.elements = rowList.flatMap { $0 }
    }

    /// The entry in row `j`, column `k` (0-based).
    public subscript(j: Int, k: Int) -> Double {
        get { elements[j * columns + k] }
        set { elements[j * columns + k] = newValue }
    }

    /// The rows as nested arrays, the layout of `network2.py`'s JSON.
    public var rowList: [[Double]] {
        (0..<rows).map { j in Array(elements[(j * columns)..<((j + 1) * columns)]) }
    }

    /// The transpose wᵀ.
    public func transposed() -> Matrix {
        var t = Matrix(zeros: columns, rows)
        for j in 0..<rows {
            for k in 0..<columns { t[k, j] = self[j, k] }
        }
        return t
    }

    /// The sum of the squared entries (the Frobenius norm squared), as in the L2 term Σ w².
    public var squaredNorm: Double {
        elements.reduce(0) { $0 + $1 * $1 }
    }
}

/// Operators on two operands require fitting shapes and stop with a message naming
/// both shapes otherwise (`ShapeMismatch` explains why that is a precondition).
extension Matrix {
    /// The matrix–vector product w·a (NumPy's `np.dot(w, a)`). a must have w's column count.
    public static func * (w: Matrix, a: Vector) -> Vector {
        requireShapes(ShapeMismatch.product(w, a))
        var result = Vector(zeros: w.rows)
        for j in 0..<w.rows {
            var sum = 0.0
            for k in 0..<w.columns { sum += w[j, k] * a[k] }
            result[j] = sum
        }
        return result
    }

    /// Entrywise sum. Both matrices must have the same shape.
    public static func + (u: Matrix, v: Matrix) -> Matrix {
        requireShapes(ShapeMismatch.shapes("+", u, v))
        var result = u
        for i in result.elements.indices { result.elements[i] += v.elements[i] }
        return result
    }

    /// Entrywise difference. Both matrices must have the same shape.
    public static func - (u: Matrix, v: Matrix) -> Matrix {
        requireShapes(ShapeMismatch.shapes("-", u, v))
        var result = u
        for i in result.elements.indices { result.elements[i] -= v.elements[i] }
        return result
    }

    /// The scalar multiple c·w.
    public static func * (c: Double, w: Matrix) -> Matrix {
        var result = w
        for i in result.elements.indices { result.elements[i] *= c }
        return result
    }

    /// The outer product δ·aᵀ (NumPy's `np.dot(delta, a.transpose())`), as in BP4:
    /// entry (j, k) is δⱼ·aₖ.
    public static func outer(_ delta: Vector, _ a: Vector) -> Matrix {
        var result = Matrix(zeros: delta.count, a.count)
        for j in 0..<delta.count {
            for k in 0..<a.count { result[j, k] = delta[j] * a[k] }
        }
        return result
    }
}
