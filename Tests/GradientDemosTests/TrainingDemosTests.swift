import BackpropEngine
import GradientDemos
import Pictures
import Testing

@Suite("Synthetic data, mini-batch comparison, per-layer gradients")
struct TrainingDemosTests {
    @Test func syntheticClustersAreReproducibleAndInRange() {
        var g1 = SeededGenerator(seed: 3), g2 = SeededGenerator(seed: 3)
        let a = SyntheticClusters(inputs: 5, classes: 3, trainingCount: 20, testCount: 10, generator: &g1)
        let b = SyntheticClusters(inputs: 5, classes: 3, trainingCount: 20, testCount: 10, generator: &g2)
        #expect(a.training == b.training && a.test == b.test)
        #expect(a.training.allSatisfy { $0.x.count == 5 && $0.y.count == 3 && $0.y.elements.reduce(0, +) == 1 })
        #expect(a.training.allSatisfy { $0.x.elements.allSatisfy { (0...1).contains($0) } })
        #expect(a.test.allSatisfy { (0..<3).contains($0.label) })
    }

    @Test func batchSizesAreComparedFromTheSameStart() throws {
        var g = SeededGenerator(seed: 1)
        let data = SyntheticClusters(inputs: 2, classes: 3, trainingCount: 60, testCount: 30, generator: &g)
        let net = try Network(sizes: [2, 5, 3], seed: 1)
        let runs = try BatchSizeComparison.run(network: net, training: data.training, test: data.test,
                                               miniBatchSizes: [1, 20], epochs: 2, eta: 3, seed: 1)
        #expect(runs.map(\.updatesPerEpoch) == [60, 3])
        #expect(runs.allSatisfy { $0.correctAfterEpoch.count == 2 })
        // Same inputs ⇒ same result: the comparison is deterministic.
        let again = try BatchSizeComparison.run(network: net, training: data.training, test: data.test,
                                                miniBatchSizes: [1, 20], epochs: 2, eta: 3, seed: 1)
        #expect(runs.map(\.finalCost) == again.map(\.finalCost))
    }

    @Test func biasGradientNormsAreTheLengthsOfTheMeanDelta() throws {
        let net = try Network(sizes: [3, 4, 2], seed: 7)
        let examples = [Example(x: [0.1, 0.5, 0.9], y: [1, 0]), Example(x: [0.7, 0.2, 0.3], y: [0, 1])]
        let norms = LayerGradientTrace.biasGradientNorms(net, over: examples)
        let d0 = net.backpropPass(x: examples[0].x, y: examples[0].y).deltas
        let d1 = net.backpropPass(x: examples[1].x, y: examples[1].y).deltas
        for l in 0..<2 {
            let mean = 0.5 * (d0[l] + d1[l])
            #expect(abs(norms[l] - mean.squaredNorm.squareRoot()) < 1e-15)
        }
    }

    @Test func earlyLayersLearnSlowerInADeepSigmoidNet() throws {
        var g = SeededGenerator(seed: 1)
        let data = SyntheticClusters(inputs: 20, classes: 4, trainingCount: 40, testCount: 10, generator: &g)
        let net = try Network(sizes: [20, 10, 10, 10, 4], initializer: .scaled, cost: .crossEntropy, generator: &g)
        let points = try LayerGradientTrace.trace(network: net, training: data.training, probe: data.training, test: data.test,
                                                  epochs: 1, miniBatchSize: 10, eta: 0.1, generator: &g)
        #expect(points.map(\.epoch) == [0, 1])
        let ratios = try #require(LayerGradientReport.ratios(points))
        #expect(ratios.allSatisfy { $0 > 1 })
    }
}

@Suite("Demo input checks")
struct DemoInputTests {
    @Test func countsAndShapesAreChecked() {
        #expect(DemoData.countProblem(1000, "--train") == nil)
        #expect(DemoData.countProblem(0, "--train") == "--train must be between 1 and 50000, got 0")
        #expect(DemoData.mnistShapeProblem([784, 30, 10]) == nil)
        #expect(DemoData.mnistShapeProblem([2, 10]) != nil)
    }

    @Test func plotsNeedAnExistingDirectoryAndAPictureExtension() {
        #expect(LinePlot.problem(writing: "/nonexistent-dir-for-test/x.svg")
            == "cannot write /nonexistent-dir-for-test/x.svg: the directory /nonexistent-dir-for-test does not exist")
        #expect(LinePlot.problem(writing: "x.txt") == "cannot write x.txt: a plot file must end in .svg or .png")
        #expect(LinePlot.problem(writing: "x.svg") == nil)
        #expect(LinePlot.problem(writing: "x.PNG") == nil)
    }

    @Test func syntheticDataFollowsTheLayerSizes() throws {
        var g = SeededGenerator(seed: 1)
        let data = try DemoData.load(mnistDirectory: nil, layers: [4, 3, 2], trainingCount: 5, testCount: 3, noise: 0.1, generator: &g)
        #expect(data.training.count == 5 && data.test.count == 3)
        #expect(data.training.allSatisfy { $0.x.count == 4 && $0.y.count == 2 })
    }
}
