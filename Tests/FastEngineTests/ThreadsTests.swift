import Testing
import BackpropEngine
@testable import FastEngine

/// Training on 1, 2 or 3 threads gives the same weights, bit for bit, and they are the
/// textbook's: the threads split layer 2's neurons, so each number is computed by one
/// thread in the textbook's order (`ParallelEpoch`).
@Suite("Threads: the weights do not depend on the number of threads")
struct ThreadsTests {
    /// Hidden widths 30 (4 chunks of 8 columns: 2 + 2 or 1 + 2 + 1 per thread) and 20
    /// (3 chunks), two layers after it, both costs, with and without weight decay, with
    /// a partial last batch; 150 inputs, so the sweep runs over several blocks of rows.
    @Test("N = 1, 2, 3: equal to each other and to the textbook, bit for bit",
          arguments: [[150, 30, 10], [150, 20, 7, 4]], [(count: 47, batch: 10), (count: 30, batch: 64)])
    func sameWeights(sizes: [Int], run: (count: Int, batch: Int)) throws {
        for cost in Cost.allCases {
            for lambda in [0.0, 0.7] {
                var generator = SeededGenerator(seed: UInt64(sizes[1] + run.batch))
                let network = try Network(sizes: sizes, cost: cost, generator: &generator)
                let data = randomExamples(run.count, sizes: sizes, generator: &generator)
                var results: [[UInt64]] = []
                for threads in 1...3 {
                    let both = try BothEngines(network, data, generator: generator, epochs: 2, miniBatchSize: run.batch,
                                               eta: 0.5, lambda: lambda, threads: threads)
                    let textbook = both.textbook.parameters.map(\.bitPattern)
                    results.append(both.fast.network.parameters.map(\.bitPattern))
                    #expect(results.last == textbook, "\(threads) threads, \(sizes), \(cost), λ = \(lambda)")
                }
                #expect(results[0] != network.parameters.map(\.bitPattern), "training moved the weights")
            }
        }
    }

    @Test("Float: N = 1, 2, 3 give the same weights, bit for bit")
    func float() throws {
        var generator = SeededGenerator(seed: 9)
        let network = try Network(sizes: [150, 30, 10], generator: &generator)
        let data = randomExamples(53, sizes: [150, 30, 10], generator: &generator)
        var results: [[UInt64]] = []
        for threads in 1...3 {
            var fast = FastNetwork(network, precision: .float), g = generator
            fast.threads = threads
            try fast.sgd(trainingData: data, epochs: 2, miniBatchSize: 10, eta: 0.5, lambda: 0.2, generator: &g)
            results.append(fast.network.parameters.map(\.bitPattern))
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }

    @Test("the threads' workspaces split the first layer into whole 8-column chunks")
    func parts() {
        let layout = FastLayout(sizes: [10, 30, 10])
        for (threads, expected) in [(1, [0..<32]), (2, [0..<16, 16..<32]), (3, [0..<8, 8..<16, 16..<32]),
                                    (9, [0..<8, 8..<16, 16..<24, 24..<32])] {
            let workspaces = ParallelEpoch<Double>.workspaces(layout: layout, capacity: 10, kernels: .automatic, parts: threads)
            #expect(workspaces.map(\.columns) == expected, "\(threads) threads")
        }
    }
}
