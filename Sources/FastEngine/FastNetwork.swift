import BackpropEngine
import Foundation

/// The fast engine: the same network as `Network`, trained with the same mathematics
/// (and the same shuffles for the same seed), but over whole mini-batches as matrices,
/// from contiguous padded buffers, with SIMD loops and zero inputs skipped.
///
///     var fast = FastNetwork(network)
///     try fast.sgd(trainingData: training, epochs: 30, miniBatchSize: 10, eta: 3.0,
///                  testData: test, generator: &generator)
///     let trained = fast.network       // back to the textbook type, same numbers
///
/// See `BatchWorkspace` for the matrix form of BP1–BP4 it computes. In `Double` (the
/// default) results equal the textbook engine's bit for bit; in `Float` (see
/// `Precision`) to Float's precision.
public struct FastNetwork: Sendable {
    /// Neurons per layer, input first.
    public var sizes: [Int] { layout.sizes }
    /// The cost the network trains against.
    public var cost: Cost
    /// The number type the parameters are held and computed in.
    public var precision: Precision { storage.precision }
    /// The compiled loops training and evaluation run on: by default the fastest this CPU
    /// allows; `.baseline` gives the same bits more slowly (see `KernelSet`).
    public var kernels: KernelSet = .automatic
    /// How many threads `sgd` trains on (default 1: a library starts threads for training
    /// only when asked; `mnist train` and `bench` ask for one per core). The result does
    /// not depend on it: the threads pipeline the first layer by its rows — each thread
    /// owns a run of inputs k, and each example's running sum z² passes from thread to
    /// thread in the order of k — so every number is computed in the textbook's order
    /// (see `PipelinedEpoch`). Batches of more than 256 examples train on one thread, and
    /// so do stretches of mini-batches while other programs keep the cores busy
    /// (`batchesOnOneThread`, `BusyCores`). Evaluation always uses every core.
    ///
    /// On the 2-core AMD EPYC VM this was developed on, two threads train the book's
    /// [784, 30, 10] in about 0.05–0.06 s an epoch against about 0.08 s on one (README,
    /// "Speed", has the runs). Measure with `bench --threads N`.
    public var threads: Int = 1

    /// The mini-batches that the last `sgd` call's threads left to one thread because they
    /// were not getting the cores (other programs busy on the machine): when their
    /// hand-overs keep having to wake a sleeping thread, one thread trains a stretch of
    /// mini-batches and then the threads try again. The numbers are the same either way.
    /// (See `BusyCores`.)
    public internal(set) var batchesOnOneThread = 0

    /// When `sgd`'s threads step aside for a busy machine; nil: never (tests that must run
    /// every mini-batch on the threads).
    var busyCores: BusyCores? = .standard

    /// The largest mini-batch `sgd` trains on several threads: the most examples a
    /// pipeline stage regroups (`FirstLayerSweep.maximumColumnExamples`, 256).
    public static var maximumThreadedBatch: Int { FirstLayerSweep<Double>.maximumColumnExamples }

    /// How many threads `sgd` trains on when asked for `threads` with batches of
    /// `miniBatchSize`: all of them up to `maximumThreadedBatch`, one for larger batches.
    public static func trainingThreads(_ threads: Int, miniBatchSize: Int) -> Int {
        miniBatchSize <= maximumThreadedBatch ? max(threads, 1) : 1
    }

    let layout: FastLayout
    /// (wˡ)ᵀ and bˡ for every layer, padded, at `layout`'s offsets.
    private(set) var storage: Parameters
    /// The network this one was made from: its shape and anything else `Network` carries.
    private var template: Network

    /// The fast form of `network`, with exactly its weights, biases and cost (rounded to
    /// the nearest Float for `precision: .float`).
    public init(_ network: Network, precision: Precision = .double, kernels: KernelSet = .automatic) {
        template = network
        self.kernels = kernels
        cost = network.cost
        layout = FastLayout(sizes: network.sizes)
        storage = Parameters(precision, count: layout.parameterLength)
        switch storage {
        case .double(let p): layout.pack(biases: network.biases, weights: network.weights, into: p.pointer)
        case .float(let p): layout.pack(biases: network.biases, weights: network.weights, into: p.pointer)
        }
    }

    /// The textbook form of this network, with exactly the current weights and biases.
    public var network: Network {
        var network = template
        network.cost = cost
        switch storage {
        case .double(let p): (network.biases, network.weights) = layout.unpack(p.pointer)
        case .float(let p): (network.biases, network.weights) = layout.unpack(p.pointer)
        }
        return network
    }

    /// Whether every weight and bias is finite (the padding is always 0).
    public var isFinite: Bool {
        switch storage {
        case .double(let p): p.buffer.allSatisfy(\.isFinite)
        case .float(let p): p.buffer.allSatisfy(\.isFinite)
        }
    }

    /// The parameters for writing: copies them first if another `FastNetwork` shares them.
    mutating func uniqueParameters() -> Parameters {
        switch storage {
        case .double(var p):
            if !isKnownUniquelyReferenced(&p) { p = AlignedBuffer(copying: p) }
            storage = .double(p)
        case .float(var p):
            if !isKnownUniquelyReferenced(&p) { p = AlignedBuffer(copying: p) }
            storage = .float(p)
        }
        return storage
    }

    /// The parameter buffer in one of the two precisions.
    enum Parameters: @unchecked Sendable {
        // @unchecked Sendable: AlignedBuffer's rule — written only when uniquely referenced.
        case double(AlignedBuffer<Double>)
        case float(AlignedBuffer<Float>)

        init(_ precision: Precision, count: Int) {
            switch precision {
            case .double: self = .double(AlignedBuffer(count: count, repeating: 0))
            case .float: self = .float(AlignedBuffer(count: count, repeating: 0))
            }
        }

        var precision: Precision {
            switch self {
            case .double: .double
            case .float: .float
            }
        }
    }
}
