import BackpropEngine
import FastEngine

/// Random examples for `sizes`: inputs in [0, 1) with about half of them exactly 0
/// (so the sparse first layer is exercised), one-hot targets.
func randomExamples(_ count: Int, sizes: [Int], generator: inout SeededGenerator) -> [Example] {
    let inputs = sizes[0], outputs = sizes[sizes.count - 1]
    return (0..<count).map { _ in
        let x = (0..<inputs).map { _ in generator.nextUniform() < 0.5 ? 0 : generator.nextUniform() }
        let label = Int(generator.next() % UInt64(outputs))
        return Example(x: Vector(x), y: .oneHot(label, count: outputs))
    }
}

/// The largest |a − b| over two lists, divided by the largest |a| (a relative error
/// for the whole list, so that entries near 0 are judged on the list's own scale).
func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    let scale = max(a.map(abs).max() ?? 0, b.map(abs).max() ?? 0, .leastNormalMagnitude)
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}

/// The textbook mean gradient of a mini-batch: (1/m) Σₓ backprop(x, y), plus (λ/n)·w.
func textbookMeanGradient(_ network: Network, _ batch: [Example], lambda: Double, n: Int) -> Gradient {
    var sum = Gradient(zerosLike: network)
    for example in batch { sum = sum + network.backprop(x: example.x, y: example.y) }
    var mean = (1 / Double(batch.count)) * sum
    if lambda > 0 {
        mean.nablaW = zip(mean.nablaW, network.weights).map { $0 + (lambda / Double(n)) * $1 }
    }
    return mean
}

/// Shapes the equality tests run over: tiny, deep, one wider than a 32-column tile
/// with a remainder, and a single-output net.
let testShapes: [[Int]] = [[2, 3, 1], [5, 4, 3], [7, 9, 2, 4], [13, 37, 10], [6, 41, 17, 3]]

/// Both engines' results of the same `sgd` call on copies of `network`, each drawing
/// from its own copy of `generator`.
struct BothEngines {
    var textbook: Network
    var fast: FastNetwork
    var textbookReports: [EpochReport]
    var fastReports: [EpochReport]

    init(_ network: Network, _ data: [Example], generator: SeededGenerator, epochs: Int, miniBatchSize: Int,
         eta: Double, lambda: Double = 0, testData: [LabeledExample]? = nil, kernels: KernelSet = .automatic,
         threads: Int = 1) throws {
        textbook = network
        fast = FastNetwork(network, kernels: kernels)
        fast.threads = threads
        var g1 = generator, g2 = generator
        textbookReports = try textbook.sgd(trainingData: data, epochs: epochs, miniBatchSize: miniBatchSize, eta: eta,
                                           lambda: lambda, testData: testData, generator: &g1)
        fastReports = try fast.sgd(trainingData: data, epochs: epochs, miniBatchSize: miniBatchSize, eta: eta,
                                   lambda: lambda, testData: testData, generator: &g2)
    }
}
