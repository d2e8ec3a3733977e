import BackpropEngine

/// Gradient descent on a `Bowl`, and the first-order fact that justifies it:
/// ΔC ≈ ∇C·Δv, so choosing Δv = −η∇C gives ΔC ≈ −η‖∇C‖² ≤ 0.
public enum BowlDescent {
    /// One row of the ΔC ≈ ∇C·Δv check: a step Δv of length `stepLength`.
    public struct LinearCheck: Sendable, Equatable {
        public var stepLength: Double
        /// C(v + Δv) − C(v), the true change.
        public var actualChange: Double
        /// ∇C·Δv, the first-order prediction.
        public var predictedChange: Double
        /// |actual − predicted|: shrinks like |Δv|², the term ΔC ≈ ∇C·Δv leaves out.
        public var error: Double { abs(actualChange - predictedChange) }
    }

    /// ΔC against ∇C·Δv at `v` for steps of each length in `lengths` along `direction`
    /// (normalised to unit length).
    public static func linearChecks(_ bowl: Bowl, at v: Vector, direction: Vector, lengths: [Double]) -> [LinearCheck] {
        let norm = direction.squaredNorm.squareRoot()
        guard norm > 0 else { return [] }
        let unit = (1 / norm) * direction
        let grad = bowl.gradient(v)
        return lengths.map { h in
            let dv = h * unit
            return LinearCheck(stepLength: h, actualChange: bowl.cost(v + dv) - bowl.cost(v), predictedChange: grad.dot(dv))
        }
    }

    /// One point of a descent path.
    public struct Step: Sendable, Equatable {
        /// 0 for the start.
        public var index: Int
        public var v: Vector
        public var cost: Double
        /// ‖∇C(v)‖.
        public var gradientNorm: Double
    }

    /// The path v → v′ = v − η∇C, `steps` times, starting at `start`.
    /// Stops early if v stops being finite (η too large for the bowl's curvature).
    public static func path(_ bowl: Bowl, from start: Vector, eta: Double, steps: Int) -> [Step] {
        var v = start
        var result: [Step] = []
        for index in 0...max(0, steps) {
            let grad = bowl.gradient(v)
            result.append(Step(index: index, v: v, cost: bowl.cost(v), gradientNorm: grad.squaredNorm.squareRoot()))
            guard index < steps, v.elements.allSatisfy(\.isFinite) else { break }
            v = v - eta * grad
        }
        return result
    }
}
