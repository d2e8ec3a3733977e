/// A column vector of `Double`s: an activation aˡ, a weighted input zˡ, an error δˡ,
/// a bias bˡ or a target y.
///
/// `network.py` keeps these as NumPy arrays of shape (n, 1); here they are a thin
/// wrapper over `[Double]` with just the arithmetic chapters 1 and 2 use:
/// `+`, `-`, scaling by a number, and the Hadamard product `⊙` (elementwise).
public struct Vector: Equatable, Hashable, Sendable {
    /// The components, top to bottom.
    public var elements: [Double]

    /// A vector with the given components.
    public init(_ elements: [Double]) {
        self.elements = elements
    }

    /// The zero vector of length `count` (NumPy's `np.zeros((count, 1))`).
    public init(zeros count: Int) {
        self.elements = Array(repeating: 0, count: count)
    }

    /// The number of components.
    public var count: Int { elements.count }

    /// The j-th component (0-based, as in `network.py`).
    public subscript(j: Int) -> Double {
        get { elements[j] }
        set { elements[j] = newValue }
    }

    /// Applies `f` to each component (NumPy's vectorised functions such as `sigmoid(z)`).
    public func map(_ f: (Double) -> Double) -> Vector {
        Vector(elements.map(f))
    }

    /// The sum of the squared components, ‖v‖².
    public var squaredNorm: Double {
        elements.reduce(0) { $0 + $1 * $1 }
    }

    /// The index of the largest component (NumPy's `np.argmax`); the first one on ties.
    /// Returns 0 for an empty vector.
    public var argmax: Int {
        var best = 0
        for j in elements.indices where elements[j] > elements[best] { best = j }
        return best
    }

    /// The one-hot vector of length `count` with a 1 at `index` (the book's `vectorized_result`).
    public static func oneHot(_ index: Int, count: Int) -> Vector {
        var v = Vector(zeros: count)
        if v.elements.indices.contains(index) { v[index] = 1 }
        return v
    }
}

extension Vector: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Double...) {
        self.init(elements)
    }
}

extension Vector: CustomStringConvertible {
    public var description: String { elements.description }
}

infix operator ⊙: MultiplicationPrecedence

/// Operators on two vectors require the same length and stop with a message naming
/// both lengths otherwise (`ShapeMismatch` explains why that is a precondition).
extension Vector {
    /// Componentwise sum u + v. Both vectors must have the same length.
    public static func + (u: Vector, v: Vector) -> Vector {
        requireShapes(ShapeMismatch.lengths("+", u, v))
        return Vector(zip(u.elements, v.elements).map { $0 + $1 })
    }

    /// Componentwise difference u − v. Both vectors must have the same length.
    public static func - (u: Vector, v: Vector) -> Vector {
        requireShapes(ShapeMismatch.lengths("-", u, v))
        return Vector(zip(u.elements, v.elements).map { $0 - $1 })
    }

    /// The scalar multiple c·v.
    public static func * (c: Double, v: Vector) -> Vector {
        v.map { c * $0 }
    }

    /// The Hadamard (elementwise) product u ⊙ v, as used in BP1 and BP2.
    public static func ⊙ (u: Vector, v: Vector) -> Vector {
        requireShapes(ShapeMismatch.lengths("⊙", u, v))
        return Vector(zip(u.elements, v.elements).map { $0 * $1 })
    }

    /// The dot product u · v. Both vectors must have the same length.
    public func dot(_ v: Vector) -> Double {
        requireShapes(ShapeMismatch.lengths("·", self, v))
        return zip(elements, v.elements).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
