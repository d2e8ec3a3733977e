import ArgumentParser
import BackpropEngine
import CommandLineSupport
import GradientDemos
import Pictures

/// Lesson 8's demo: in a deep sigmoid network the early layers learn much more slowly
/// than the later ones, because the gradient shrinks as backpropagation goes back
/// (chapter 5 of the book: the vanishing gradient problem).
@main
struct DeepGradients: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deep-gradients",
        abstract: "Trace ‖∂C/∂bˡ‖, the speed of learning of each layer, in a deep sigmoid net."
    )

    @Option(help: "Layer sizes; with --data they must start with 784 and end with 10.", transform: LayerSizes.parse)
    var sizes = LayerSizes([784, 30, 30, 30, 10])

    @Option(help: "MNIST directory; without it, a synthetic task with the same input size is used.")
    var data: String?

    @Option(help: "Noise σ of the synthetic clusters (ignored with --data).")
    var noise = 0.25

    @Option(help: "Training examples (also the examples the gradient is measured over).")
    var train = 500

    @Option(help: "Test examples to measure accuracy on.")
    var test = 200

    @Option(help: "Training epochs; the gradient is measured at the start and after each.")
    var epochs = 4

    @Option(help: "Mini-batch size.")
    var miniBatchSize = 10

    @Option(help: "Learning rate η.")
    var eta = 0.1

    @Option(help: "Cost: quadratic or cross-entropy.")
    var cost = Cost.crossEntropy

    @Option(help: "Initial weights: large (N(0,1), chapter 1) or scaled (N(0,1/n_in), chapter 3).")
    var initializer = Network.Initializer.scaled

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Write ‖∂C/∂bˡ‖ against epoch to FILE (.svg or .png).")
    var plot: String?

    func validate() throws {
        for problem in [DemoData.countProblem(train, "--train"), DemoData.countProblem(test, "--test"), plot.flatMap(LinePlot.problem(writing:))] {
            if let problem { throw ValidationError(problem) }
        }
        try requireAtLeast(epochs, 0, "--epochs")
        try requireAtLeast(miniBatchSize, 1, "--mini-batch-size")
        try requirePositive(eta, "--eta")
        try requirePositive(noise, "--noise")
        if data != nil, let problem = DemoData.mnistShapeProblem(sizes.values) { throw ValidationError(problem) }
    }

    func run() throws {
        var generator = seedOption.makeGenerator()
        let layers = sizes.values
        let demo = try DemoData.load(mnistDirectory: data, layers: layers, trainingCount: train, testCount: test,
                                     noise: noise, generator: &generator)
        let network = try Network(sizes: layers, initializer: initializer, cost: cost, generator: &generator)
        print("data: \(demo.summary)")
        print("network [\(sizes)], \(initializer.rawValue) initial weights, \(cost.rawValue) cost, η = \(eta), mini-batch \(miniBatchSize)")
        print()
        print("‖∂C/∂bˡ‖ over the \(demo.training.count) training examples, the speed at which layer l learns:")
        let points = try LayerGradientTrace.trace(network: network, training: demo.training, probe: demo.training, test: demo.test,
                                                  epochs: epochs, miniBatchSize: miniBatchSize, eta: eta, generator: &generator)
        print(LayerGradientReport.table(points, layerCount: layers.count, testCount: demo.test.count))
        if let ratios = LayerGradientReport.ratios(points), let first = ratios.first, let last = ratios.last {
            print()
            print(String(format: "The last hidden layer learns %.1f× faster than the first at the start, %.1f× after epoch %d.",
                         first, last, points.last?.epoch ?? 0))
        }
        if let plot {
            try reportingFileErrors("deep-gradients") { try LayerGradientReport.plot(points, layerCount: layers.count, sizes: layers).write(to: plot) }
            print("wrote \(plot)")
        }
    }
}
