import BackpropEngine

/// The fast engine: the same network as `Network`, trained with the same mathematics
/// (and the same shuffles for the same seed), but over whole mini-batches as matrices,
/// from contiguous padded buffers, with SIMD loops and zero inputs skipped.
///
///     var fast = FastNetwork(network)
///     try fast.sgd(trainingData: training, epochs: 30, miniBatchSize: 10, eta: 3.0,
///                  testData: test, generator: &generator)
///     let trained = fast.network       // back to the textbook type, same numbers
///
/// See `BatchWorkspace` for the matrix form of BP1–BP4 it computes. Results equal the
/// textbook engine's up to floating-point rounding order (the tests check 1e-12).
public struct FastNetwork: Sendable {
    /// Neurons per layer, input first.
    public var sizes: [Int] { layout.sizes }
    /// The cost the network trains against.
    public var cost: Cost

    let layout: FastLayout
    /// (wˡ)ᵀ and bˡ for every layer, padded, at `layout`'s offsets.
    private(set) var storage: AlignedBuffer<Double>
    /// The network this one was made from: its shape and anything else `Network` carries.
    private var template: Network

    /// The fast form of `network`, with exactly its weights, biases and cost.
    public init(_ network: Network) {
        template = network
        cost = network.cost
        layout = FastLayout(sizes: network.sizes)
        storage = AlignedBuffer(count: layout.parameterLength, repeating: 0)
        layout.pack(biases: network.biases, weights: network.weights, into: storage.pointer)
    }

    /// The textbook form of this network, with exactly the current weights and biases.
    public var network: Network {
        var network = template
        network.cost = cost
        (network.biases, network.weights) = layout.unpack(storage.pointer)
        return network
    }

    /// The parameters for writing: copies them first if another `FastNetwork` shares them.
    mutating func uniqueParameters() -> UnsafeMutablePointer<Double> {
        if !isKnownUniquelyReferenced(&storage) {
            storage = AlignedBuffer(copying: storage)
        }
        return storage.pointer
    }

    /// Whether every weight and bias is finite (the padding is always 0).
    public var isFinite: Bool {
        storage.buffer.allSatisfy(\.isFinite)
    }
}
