import BackpropEngine

/// Central differences of the training cost C = `network.totalCost(batch, lambda:, n:)`,
/// the naive way: change the parameters, recompute the whole cost.
///
///     ∂C/∂θᵢ ≈ (C(θ + εeᵢ) − C(θ − εeᵢ)) / 2ε
///
/// The error of the central difference is O(ε²) (the ε¹ terms of the two Taylor
/// series cancel), plus rounding of about 10⁻¹⁶·|C|/ε from subtracting two nearly
/// equal costs. With Double and ε = 10⁻⁶ both are near 10⁻¹⁰–10⁻¹², which is why a
/// correct sigmoid net agrees with backprop to about 10⁻⁹ relative error or better.
public enum FiniteDifferences {
    /// The central difference along parameter `index` of `Network.parameters`.
    public static func partial(
        network: Network, batch: [Example], lambda: Double, n: Int, index: Int, epsilon: Double
    ) -> Double {
        var v = [Double](repeating: 0, count: network.parameterCount)
        guard v.indices.contains(index) else { return 0 }
        v[index] = 1
        return directional(network: network, batch: batch, lambda: lambda, n: n, direction: v, epsilon: epsilon)
    }

    /// The central difference along a direction v (as long as `parameters`):
    /// (C(θ + εv) − C(θ − εv)) / 2ε ≈ ∇C · v. Two cost evaluations, whatever the size.
    public static func directional(
        network: Network, batch: [Example], lambda: Double, n: Int, direction: [Double], epsilon: Double
    ) -> Double {
        let theta = network.parameters
        guard direction.count == theta.count else { return 0 }
        var plus = network, minus = network
        plus.setParameters(zip(theta, direction).map { $0 + epsilon * $1 })
        minus.setParameters(zip(theta, direction).map { $0 - epsilon * $1 })
        let cPlus = plus.totalCost(batch, lambda: lambda, n: n)
        let cMinus = minus.totalCost(batch, lambda: lambda, n: n)
        return (cPlus - cMinus) / (2 * epsilon)
    }
}
