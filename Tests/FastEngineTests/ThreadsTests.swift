import Testing
import BackpropEngine
@testable import FastEngine

/// Training on 1, 2 or 3 threads gives the same weights, bit for bit, and they are the
/// textbook's: the threads split the first layer's rows and carry each example's running
/// sum from one to the next, so each number is computed in the textbook's order
/// (`PipelinedEpoch`).
@Suite("Threads: the weights do not depend on the number of threads")
struct ThreadsTests {
    /// 150 inputs (3 blocks of rows: 2 + 1 or 1 + 1 + 1 per thread) and 300 (5 blocks),
    /// hidden widths 30 and 20, two layers after it, both costs, with and without weight
    /// decay, odd batches (a lone last example in the hand-over of pairs), a partial
    /// last batch, and batches of more than 64 (example bits in two or three words).
    @Test("N = 1, 2, 3: equal to each other and to the textbook, bit for bit",
          arguments: [[150, 30, 10], [150, 20, 7, 4], [300, 20, 10]],
          [(count: 47, batch: 10), (count: 30, batch: 64), (count: 23, batch: 7), (count: 150, batch: 130),
           (count: 70, batch: 65)])
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

    @Test("Float: N = 1, 2, 3 give the same weights, bit for bit", arguments: [10, 100])
    func float(batch: Int) throws {
        var generator = SeededGenerator(seed: 9)
        let network = try Network(sizes: [150, 30, 10], generator: &generator)
        let data = randomExamples(batch + 43, sizes: [150, 30, 10], generator: &generator)
        var results: [[UInt64]] = []
        for threads in 1...3 {
            var fast = FastNetwork(network, precision: .float), g = generator
            fast.threads = threads
            try fast.sgd(trainingData: data, epochs: 2, miniBatchSize: batch, eta: 0.5, lambda: 0.2, generator: &g)
            results.append(fast.network.parameters.map(\.bitPattern))
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }

    @Test("a pipeline stage regroups batches of up to 256 examples, so they train on several threads; one thread, up to 64")
    func recordLimits() {
        let stage = FirstLayerSweep<Double>(inputs: 150, width: 32, capacity: 256, kernels: .automatic, rows: 0..<70)
        let single = FirstLayerSweep<Double>(inputs: 150, width: 32, capacity: 256, kernels: .automatic)
        #expect(stage.recordsColumns(256) && stage.recordsColumns(65))
        #expect(!single.recordsColumns(65) && !single.recordsColumns(256))
        #expect(FirstLayerSweep<Double>(inputs: 150, width: 32, capacity: 64, kernels: .automatic).recordsColumns(64))
        #expect(!FirstLayerSweep<Double>(inputs: 150, width: 32, capacity: 257, kernels: .automatic, rows: 0..<70)
            .recordsColumns(257))
    }

    @Test("the threads' workspaces split the first layer's rows into runs with about equal non-zero inputs")
    func parts() {
        // 320 inputs; six examples, each with inputs 5, 70, 130, 131, 132 and 300 non-zero.
        let examples = (0..<6).map { _ in
            Example(x: Vector((0..<320).map { [5, 70, 130, 131, 132, 300].contains($0) ? 0.5 : 0 }), y: [1])
        }
        let data = PackedDataSet(examples, sizes: [320, 4, 1])
        let layout = FastLayout(sizes: [320, 4, 1])
        for (threads, expected) in [(1, [0..<320]), (2, [0..<131, 131..<320]), (3, [0..<71, 71..<132, 132..<320]),
                                    (6, [0..<6, 6..<71, 71..<131, 131..<132, 132..<133, 133..<320])] {
            let workspaces = PipelinedEpoch<Double>.workspaces(layout: layout, capacity: 10, kernels: .automatic,
                                                              parts: threads, data: data, tail: 0)
            #expect(workspaces.map(\.sweep.rows) == expected, "\(threads) threads")
        }
        // With the last stage's own work at τ = 0.2 of the first layer's, the first of two
        // stages takes 0.6 of the 36 non-zero inputs: the boundary nearest 21.6 is after
        // input 131 (24 behind it), not after 130 (18).
        let uneven = PipelinedEpoch<Double>.workspaces(layout: layout, capacity: 10, kernels: .automatic,
                                                      parts: 2, data: data, tail: 0.2)
        #expect(uneven.map(\.sweep.rows) == [0..<132, 132..<320])
    }

    @Test("the last stage's share shrinks by its own work: τ = 216 / (ν (4 + V)), at most 0.5")
    func tailFraction() {
        let book = FastLayout(sizes: [784, 30, 10]), wide = FastLayout(sizes: [784, 100, 10])
        #expect(abs(PipelinedEpoch<Double>.tailFraction(layout: book, nonZerosPerExample: 150) - 0.12) < 1e-12)
        #expect(abs(PipelinedEpoch<Float>.tailFraction(layout: book, nonZerosPerExample: 150) - 0.18) < 1e-12)
        #expect(PipelinedEpoch<Double>.tailFraction(layout: wide, nonZerosPerExample: 150) < 0.05)
        #expect(PipelinedEpoch<Double>.tailFraction(layout: book, nonZerosPerExample: 6) == 0.5)
    }
}
