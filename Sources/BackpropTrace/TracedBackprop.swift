import BackpropEngine

/// Everything one run of `backprop-trace` shows: the first example traced through
/// BP1–BP4, the mini-batch step when there is more than one example, and the closing
/// finite-difference check.
///
/// All numbers come from the engine (`backpropPass`, `updateMiniBatch`, `totalCost`);
/// the renderers only lay them out.
public struct TracedBackprop: Sendable {
    /// Where the network came from.
    public enum Source: Sendable, Equatable {
        /// Random weights and biases from N(0, 1), drawn from this seed.
        case seed(UInt64)
        /// A `network2.py` model file.
        case model(String)
    }

    /// The network traced.
    public let network: Network
    /// Where it came from.
    public let source: Source
    /// The example traced equation by equation: the first one given.
    public let example: ExampleTrace
    /// The mini-batch step, if one was asked for.
    public let batch: BatchStep?
    /// The closing check of `example`'s gradient against finite differences.
    public let check: ClosingCheck

    /// Traces `examples[0]` and, when `step` is true (by default for two or more
    /// examples), one mini-batch step with `eta` (and the L2 weight decay of `lambda`
    /// over a training set of `n`, m by default). `examples` must not be empty and must
    /// fit the network (`TraceRequest` checks).
    public init(network: Network, examples: [Example], eta: Double, lambda: Double = 0, n: Int? = nil,
                source: Source, step: Bool? = nil) {
        self.network = network
        self.source = source
        let first = examples.first ?? Example(x: Vector(zeros: network.sizes[0]), y: Vector(zeros: network.sizes[network.sizes.count - 1]))
        example = ExampleTrace(network: network, example: first)
        batch = step ?? (examples.count > 1) ? BatchStep(network: network, examples: examples, eta: eta, lambda: lambda, n: n) : nil
        check = ClosingCheck(network: network, example: first, gradient: example.pass.gradient)
    }

    /// L, the number of layers.
    public var layerCount: Int { network.numLayers }
}
