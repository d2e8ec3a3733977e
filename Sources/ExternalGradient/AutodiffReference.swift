import AutodiffOracle
import BackpropEngine
import Foundation
import GradientChecking

/// The compiler's autodiff as a second oracle for `GradientChecker`: the training cost
/// of a `Network` on a mini-batch, handed to `DifferentiableCost`, which knows nothing
/// of `Network` or backprop.
public enum AutodiffReference {
    /// ∇C of C = (1/m) Σₓ Cₓ + (λ/2n) Σ w² at `network`'s parameters, with the seconds
    /// it took; `nil` when the data does not fit the network.
    @Sendable
    public static func oracle(network: Network, batch: [Example], lambda: Double, n: Int) -> (gradient: [Double], seconds: Double)? {
        let cost: DifferentiableCost.Cost = switch network.cost {
        case .quadratic: .quadratic
        case .crossEntropy: .crossEntropy
        }
        guard let differentiable = DifferentiableCost(sizes: network.sizes, inputs: batch.map(\.x.elements),
                                                      targets: batch.map(\.y.elements), cost: cost, lambda: lambda, n: n)
        else { return nil }
        let start = ContinuousClock.now
        guard let gradient = differentiable.gradient(at: network.parameters) else { return nil }
        return (gradient, elapsedSeconds(since: start))
    }
}
