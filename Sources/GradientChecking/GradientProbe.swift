import Localization
import BackpropEngine

/// One question put to a gradient under test: a network, its examples, and what is
/// asked — `backprop(x, y)` for one example, or one `update_mini_batch` step.
public struct GradientProbe: Sendable {
    /// What the program under test is asked to compute.
    public enum Kind: Sendable, Equatable {
        /// ∇Cₓ for the single example, as `network.py`'s `backprop(x, y)` returns it.
        case example
        /// One gradient-descent step on the whole mini-batch with learning rate η, as
        /// `update_mini_batch` does: θ′ = θ − η ∇C with C = (1/m) Σₓ Cₓ + (λ/2n) Σ w².
        /// The gradient is recovered as (θ − θ′)/η.
        case miniBatch(eta: Double)

        public var name: String {
            switch self {
            case .example: "backprop"
            case .miniBatch: "update_mini_batch"
            }
        }
    }

    /// A short name, e.g. "p4".
    public var name: String
    /// What the probe is there to expose, in a few words.
    public var purpose: String
    /// The purpose in Simplified Chinese (`nil`: the English one is shown).
    public var chinesePurpose: String?
    public var network: Network
    /// One example for `.example`, the mini-batch for `.miniBatch`.
    public var examples: [Example]
    public var kind: Kind
    /// L2 regularization λ (mini-batch probes only; network2.py's `lmbda`).
    public var lambda: Double
    /// The training-set size n of the L2 term.
    public var n: Int

    public init(name: String, purpose: String, network: Network, examples: [Example],
                kind: Kind = .example, lambda: Double = 0, n: Int? = nil, chinesePurpose: String? = nil) {
        self.name = name
        self.purpose = purpose
        self.chinesePurpose = chinesePurpose
        self.network = network
        self.examples = examples
        self.kind = kind
        self.lambda = lambda
        self.n = n ?? examples.count
    }

    /// The gradient the probe's answer must equal: for `.example` ∇Cₓ, for
    /// `.miniBatch` the mean over the batch plus (λ/n)·w — what finite differences of
    /// `Network.totalCost(examples, lambda:, n:)` approximate.
    public var batchSize: Int { examples.count }

    /// What the probe is there to expose, in `language`.
    public func purpose(_ language: Language) -> String {
        language.text(purpose, chinesePurpose ?? purpose)
    }
}
