import BackpropEngine
@testable import FastEngine

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
         threads: Int = 1, busyCores: BusyCores? = nil) throws {
        textbook = network
        fast = FastNetwork(network, kernels: kernels)
        fast.threads = threads
        fast.busyCores = busyCores
        var g1 = generator, g2 = generator
        textbookReports = try textbook.sgd(trainingData: data, epochs: epochs, miniBatchSize: miniBatchSize, eta: eta,
                                           lambda: lambda, testData: testData, generator: &g1)
        fastReports = try fast.sgd(trainingData: data, epochs: epochs, miniBatchSize: miniBatchSize, eta: eta,
                                   lambda: lambda, testData: testData, generator: &g2)
    }
}
