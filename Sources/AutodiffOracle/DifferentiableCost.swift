import _Differentiation

/// A second oracle for ∇C: the training cost written as an ordinary differentiable
/// Swift function of a flat parameter vector, differentiated by the compiler's
/// reverse-mode automatic differentiation (`gradient(at:of:)`).
///
/// It shares no code with the textbook engine's backprop: it knows nothing of δ,
/// BP1–BP4 or `Network`. The cost is
///
///     C(θ) = (1/m) Σₓ Cₓ(θ) + (λ / 2n) Σ w²
///
/// with Cₓ = ½‖y − aᴸ‖² (quadratic) or −Σⱼ [yⱼ ln aⱼᴸ + (1 − yⱼ) ln(1 − aⱼᴸ)]
/// (cross-entropy), and aˡ = σ(wˡaˡ⁻¹ + bˡ) (eq. 25). The parameters θ are in the order
/// the engine's `Network.parameters` uses: for each layer l = 2…L, bˡ then wˡ row by row.
public struct DifferentiableCost: Sendable {
    /// The cost function, named as on the command line.
    public enum Cost: String, Sendable, CaseIterable {
        case quadratic
        case crossEntropy = "cross-entropy"
    }

    /// Neurons per layer, input first.
    public let sizes: [Int]
    /// The inputs x of the mini-batch.
    public let inputs: [[Double]]
    /// The targets y(x) of the mini-batch.
    public let targets: [[Double]]
    public let cost: Cost
    /// The L2 regularization parameter λ.
    public let lambda: Double
    /// The training-set size n that scales the L2 term.
    public let n: Int

    /// An oracle for the given shapes and data, or `nil` if the data does not fit the
    /// sizes (every x must have `sizes.first` entries and every y `sizes.last`).
    public init?(sizes: [Int], inputs: [[Double]], targets: [[Double]], cost: Cost, lambda: Double = 0, n: Int? = nil) {
        guard sizes.count >= 2, sizes.allSatisfy({ $0 >= 1 }), !inputs.isEmpty, inputs.count == targets.count,
              inputs.allSatisfy({ $0.count == sizes[0] }), targets.allSatisfy({ $0.count == sizes[sizes.count - 1] })
        else { return nil }
        self.sizes = sizes
        self.inputs = inputs
        self.targets = targets
        self.cost = cost
        self.lambda = lambda
        self.n = n ?? inputs.count
    }

    /// How many parameters θ has: Σ over layers of (rows + rows × columns).
    public var parameterCount: Int {
        zip(sizes.dropLast(), sizes.dropFirst()).reduce(0) { $0 + $1.1 + $1.0 * $1.1 }
    }

    /// C(θ).
    public func cost(at parameters: [Double]) -> Double {
        batchCost(parameters, sizes: sizes, inputs: inputs, targets: targets,
                  crossEntropy: cost == .crossEntropy, lambda: lambda, n: Double(n))
    }

    /// ∇C(θ) by reverse-mode automatic differentiation, in the order of `parameters`.
    /// Returns `nil` when `parameters` has the wrong length.
    public func gradient(at parameters: [Double]) -> [Double]? {
        guard parameters.count == parameterCount else { return nil }
        let (sizes, inputs, targets, crossEntropy, lambda, n) =
            (sizes, inputs, targets, cost == .crossEntropy, lambda, Double(n))
        let g = _Differentiation.gradient(at: parameters) { p in
            batchCost(p, sizes: sizes, inputs: inputs, targets: targets,
                      crossEntropy: crossEntropy, lambda: lambda, n: n)
        }
        // An all-zero tangent may come back empty.
        return g.base.count == parameters.count ? g.base : [Double](repeating: 0, count: parameters.count)
    }
}

/// C(θ) = (1/m) Σₓ Cₓ + (λ/2n) Σ w², differentiable with respect to θ.
@differentiable(reverse, wrt: parameters)
func batchCost(
    _ parameters: [Double], sizes: [Int], inputs: [[Double]], targets: [[Double]],
    crossEntropy: Bool, lambda: Double, n: Double
) -> Double {
    var total = 0.0
    for x in 0..<inputs.count {
        total = total + exampleCost(parameters, sizes: sizes, x: inputs[x], y: targets[x], crossEntropy: crossEntropy)
    }
    var squares = 0.0
    var offset = 0
    for l in 1..<sizes.count {
        let rows = sizes[l], columns = sizes[l - 1]
        let w = slice(parameters, offset + rows, rows * columns)
        squares = squares + dot(w, w)
        offset += rows + rows * columns
    }
    return total / Double(inputs.count) + lambda / (2 * n) * squares
}

/// Cₓ for one example: feed x forward, aˡ = σ(wˡaˡ⁻¹ + bˡ), then compare aᴸ with y.
@differentiable(reverse, wrt: parameters)
func exampleCost(_ parameters: [Double], sizes: [Int], x: [Double], y: [Double], crossEntropy: Bool) -> Double {
    var a = x
    var offset = 0
    for l in 1..<sizes.count {
        let rows = sizes[l], columns = sizes[l - 1]
        let b = slice(parameters, offset, rows)
        var next: [Double] = []
        for j in 0..<rows {
            let row = slice(parameters, offset + rows + j * columns, columns)
            next.append(logistic(dot(row, a) + b[j]))
        }
        a = next
        offset += rows + rows * columns
    }
    var c = 0.0
    for j in 0..<y.count {
        if crossEntropy {
            c = c - y[j] * naturalLog(a[j]) - (1 - y[j]) * naturalLog(1 - a[j])
        } else {
            c = c + 0.5 * (a[j] - y[j]) * (a[j] - y[j])
        }
    }
    return c
}
