import ArgumentParser
import BackpropEngine
import CommandLineSupport
import GradientDemos
import Pictures

/// Lesson 4's demo: why gradient descent works (ΔC ≈ ∇C·Δv), a ball rolling down a
/// 2-D bowl, and online learning against mini-batches.
@main
struct GradientDescent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradient-descent",
        abstract: "Gradient descent on a 2-D bowl, and a comparison of mini-batch sizes.",
        subcommands: [BowlCommand.self, BatchesCommand.self],
        defaultSubcommand: BowlCommand.self
    )
}

/// `gradient-descent bowl`: ΔC ≈ ∇C·Δv, the choice Δv = −η∇C, and the path it takes.
struct BowlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bowl",
        abstract: "ΔC ≈ ∇C·Δv, Δv = −η∇C, and the descent path on C(v) = v₁² + 2v₂² (the default)."
    )

    @Option(help: "Learning rate η.")
    var eta = 0.1

    @Option(help: "Gradient-descent steps to take.")
    var steps = 12

    @Option(help: "Starting point v₁,v₂.")
    var start = NumberList([1.5, 1.0])

    @Option(help: "Write the path over the bowl's level curves to FILE (.svg or .png).")
    var plot: String?

    func validate() throws {
        try requirePositive(eta, "--eta")
        try requireAtLeast(steps, 1, "--steps")
        guard steps <= 10_000 else { throw ValidationError("--steps must be at most 10000, got \(steps)") }
        guard start.values.count == 2 else { throw ValidationError("--start needs two numbers v₁,v₂, got \(start)") }
        if let problem = plot.flatMap(LinePlot.problem(writing:)) { throw ValidationError(problem) }
    }

    func run() throws {
        let bowl = Bowl()
        let v = Vector(start.values)
        let grad = bowl.gradient(v)
        print("The bowl \(bowl.formula), minimum C = 0 at v = (0, 0).")
        print("At v = (\(start.values[0]), \(start.values[1])): C(v) = \(bowl.cost(v)), ∇C = (\(grad[0]), \(grad[1])).")
        print()
        print("1. ΔC ≈ ∇C·Δv for small steps Δv along (0.6, −0.8):")
        let checks = BowlDescent.linearChecks(bowl, at: v, direction: [0.6, -0.8], lengths: [1, 0.1, 0.01, 0.001])
        print(BowlReport.linearCheckTable(checks))
        print("Each 10× shorter step makes the difference 100× smaller: it is the |Δv|² term ΔC ≈ ∇C·Δv leaves out.")
        print()
        print("2. Choose Δv = −η∇C: then ΔC ≈ −η‖∇C‖² ≤ 0, as long as η is small enough:")
        print(BowlReport.learningRateTable(bowl, at: v, etas: [0.01, 0.1, 0.25, 0.5, 0.7]))
        print()
        print("3. Repeat v → v′ = v − η∇C with η = \(eta):")
        let path = BowlDescent.path(bowl, from: v, eta: eta, steps: steps)
        print(BowlReport.pathTable(path))
        if let last = path.last, !last.cost.isFinite || last.cost > (path.first?.cost ?? 0) {
            print("The cost grew: η = \(eta) overshoots the minimum; try a smaller --eta.")
        }
        if let plot {
            try reportingFileErrors("gradient-descent") { try BowlReport.plot(bowl, path: path, eta: eta).write(to: plot) }
            print("wrote \(plot)")
        }
    }
}

/// `gradient-descent batches`: online learning (m = 1) against larger mini-batches.
struct BatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches",
        abstract: "Train the same network with mini-batch sizes 1, 10, 20, 100 and compare."
    )

    @Option(help: "MNIST directory; without it, a synthetic task is used.")
    var data: String?

    @Option(help: "Training examples to use.")
    var train = 1000

    @Option(help: "Test examples to measure accuracy on.")
    var test = 500

    @Option(help: "Layer sizes (MNIST needs 784 inputs and 10 outputs; synthetic: any).", transform: LayerSizes.parse)
    var sizes: LayerSizes?

    @Option(parsing: .upToNextOption, help: "Mini-batch sizes to compare.")
    var batchSizes = [1, 10, 20, 100]

    @Option(help: "Epochs for every run.")
    var epochs = 5

    @Option(help: "Learning rate η, the same for every run.")
    var eta = 3.0

    @Option(help: "Noise σ of the synthetic clusters (ignored with --data).")
    var noise = 0.05

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Write test accuracy against epoch to FILE (.svg or .png).")
    var plot: String?

    func validate() throws {
        for problem in [DemoData.countProblem(train, "--train"), DemoData.countProblem(test, "--test"), plot.flatMap(LinePlot.problem(writing:))] {
            if let problem { throw ValidationError(problem) }
        }
        try requireAtLeast(epochs, 1, "--epochs")
        try requirePositive(eta, "--eta")
        try requirePositive(noise, "--noise")
        guard !batchSizes.isEmpty, batchSizes.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--batch-sizes must be whole numbers ≥ 1, got \(batchSizes)")
        }
        if data != nil, let sizes, let problem = DemoData.mnistShapeProblem(sizes.values) { throw ValidationError(problem) }
    }

    func run() throws {
        var generator = seedOption.makeGenerator()
        let layers = sizes?.values ?? (data == nil ? [2, 10, 3] : [784, 30, 10])
        let demo = try DemoData.load(mnistDirectory: data, layers: layers, trainingCount: train, testCount: test,
                                     noise: noise, generator: &generator)
        let network = try Network(sizes: layers, generator: &generator)
        print("data: \(demo.summary)")
        print("network [\(layers.map(String.init).joined(separator: ","))], quadratic cost, η = \(eta), \(epochs) epochs for every mini-batch size")
        print()
        let runs = try BatchSizeComparison.run(network: network, training: demo.training, test: demo.test,
                                               miniBatchSizes: batchSizes, epochs: epochs, eta: eta, seed: seedOption.seed)
        print("test accuracy after each epoch (\(demo.test.count) test examples):")
        print(BatchSizeReport.table(runs, testCount: demo.test.count))
        print(BatchSizeReport.timeLine(runs))
        print()
        print("Every run sees each training example once per epoch; m = 1 (online learning) takes a step")
        print("after every example, m = 20 one step per 20 examples, each along their average gradient.")
        if let plot {
            try reportingFileErrors("gradient-descent") { try BatchSizeReport.plot(runs, testCount: demo.test.count, eta: eta).write(to: plot) }
            print("wrote \(plot)")
        }
    }
}
