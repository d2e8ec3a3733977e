import BackpropEngine

/// One item of an equation row.
public enum TraceTerm: Sendable {
    /// A named matrix (vectors are one-column matrices).
    case matrix(name: String, value: Matrix)
    /// An operator or symbol between matrices: `+`, `=`, `⊙`, `σ`.
    case symbol(String)

    /// A column vector as a one-column matrix.
    public static func column(_ name: String, _ v: Vector) -> TraceTerm {
        .matrix(name: name, value: Matrix(rows: v.count, columns: 1, elements: v.elements) ?? Matrix(zeros: 0, 1))
    }

    /// A row vector (a transposed column), e.g. (a¹)ᵀ.
    public static func row(_ name: String, _ v: Vector) -> TraceTerm {
        .matrix(name: name, value: Matrix(rows: 1, columns: v.count, elements: v.elements) ?? Matrix(zeros: 1, 0))
    }
}
