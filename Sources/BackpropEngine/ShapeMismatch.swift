/// Two operands of a `Vector`/`Matrix` operation whose shapes do not fit, as one line:
/// `"Vector + Vector: shapes (3) and (4) do not match"`.
///
/// The operators (`+`, `-`, `⊙`, `dot`, `w * a`) stop the program with this message
/// (a precondition, kept in release builds) instead of silently truncating to the shorter operand or trapping
/// on an index. That is a programming error inside the engine, never bad input: every
/// network a user can supply is built by `Network(sizes:biases:weights:)` (model files
/// included), which checks that wˡ is sizes[l]×sizes[l−1] and bˡ has sizes[l] entries,
/// and every example a tool feeds the engine is checked against the network's sizes
/// first (`--input`/`--target` counts, MNIST's 784 inputs and 10 outputs, the demos'
/// shape check). So a mismatch can only come from code — such as a student's edit of
/// `backprop` — and the message names both shapes so the edit is easy to find.
public struct ShapeMismatch: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operation, e.g. `"Vector + Vector"` or `"Matrix * Vector"`.
    public var operation: String
    /// The shapes, e.g. `"(3)"` for a vector and `"3×4"` for a matrix.
    public var left: String
    public var right: String

    public var description: String { "\(operation): shapes \(left) and \(right) do not match" }

    /// The mismatch of two vectors of different lengths, or nil.
    public static func lengths(_ operation: String, _ u: Vector, _ v: Vector) -> ShapeMismatch? {
        u.count == v.count ? nil : ShapeMismatch(operation: "Vector \(operation) Vector", left: "(\(u.count))", right: "(\(v.count))")
    }

    /// The mismatch of two matrices of different shapes, or nil.
    public static func shapes(_ operation: String, _ u: Matrix, _ v: Matrix) -> ShapeMismatch? {
        (u.rows, u.columns) == (v.rows, v.columns) ? nil
            : ShapeMismatch(operation: "Matrix \(operation) Matrix", left: u.shape, right: v.shape)
    }

    /// The mismatch of w·a when a's length is not w's column count, or nil.
    public static func product(_ w: Matrix, _ a: Vector) -> ShapeMismatch? {
        w.columns == a.count ? nil : ShapeMismatch(operation: "Matrix * Vector", left: w.shape, right: "(\(a.count))")
    }
}

extension Matrix {
    /// "rows×columns", as in error messages.
    public var shape: String { "\(rows)×\(columns)" }
}

/// Stops with `mismatch`'s message if there is one: a precondition on the shapes (see
/// `ShapeMismatch` for why stopping is right here). It is spelled `fatalError` because
/// `preconditionFailure` drops its message in release (`-O`) builds, and the release
/// build is the one students train with: the message must survive there.
@inline(__always)
func requireShapes(_ mismatch: @autoclosure () -> ShapeMismatch?) {
    if let mismatch = mismatch() { fatalError(mismatch.description) }
}
