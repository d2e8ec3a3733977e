import ArgumentParser
import BackpropEngine
import CommandLineSupport
import GradientDemos
import Localization
import Pictures
import Rendering

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

    @OptionGroup var language: LanguageOption

    func validate() throws {
        try requirePositive(eta, "--eta")
        try requireAtLeast(steps, 1, "--steps")
        guard steps <= 10_000 else { throw ValidationError("--steps must be at most 10000, got \(steps)") }
        guard start.values.count == 2 else { throw ValidationError("--start needs two numbers v₁,v₂, got \(start)") }
        if let problem = plot.flatMap(LinePlot.problem(writing:)) { throw ValidationError(problem) }
    }

    func run() throws {
        let lang = language.language
        let bowl = Bowl()
        let v = Vector(start.values)
        let grad = bowl.gradient(v)
        let (v1, v2, cost) = (start.values[0], start.values[1], bowl.cost(v))
        print(lang.text("The bowl \(bowl.formula), minimum C = 0 at v = (0, 0).",
                        "碗形函数 \(bowl.formula)，最小值 C = 0 在 v = (0, 0) 处取得。"))
        print(lang.text("At v = (\(v1), \(v2)): C(v) = \(cost), ∇C = (\(grad[0]), \(grad[1])).",
                        "在 v = (\(v1), \(v2)) 处：C(v) = \(cost)，∇C = (\(grad[0]), \(grad[1]))。"))
        print()
        print(lang.text("1. ΔC ≈ ∇C·Δv for small steps Δv along (0.6, −0.8):", "1. 沿 (0.6, −0.8) 方向走一小步 Δv，ΔC ≈ ∇C·Δv："))
        let checks = BowlDescent.linearChecks(bowl, at: v, direction: [0.6, -0.8], lengths: [1, 0.1, 0.01, 0.001])
        print(BowlReport.linearCheckTable(checks, language: lang))
        print(lang.text("Each 10× shorter step makes the difference 100× smaller: it is the |Δv|² term ΔC ≈ ∇C·Δv leaves out.",
                        "步长每缩短 10 倍，差值就缩小 100 倍：它正是 ΔC ≈ ∇C·Δv 略去的 |Δv|² 项。"))
        print()
        print(lang.text("2. Choose Δv = −η∇C: then ΔC ≈ −η‖∇C‖² ≤ 0, as long as η is small enough:",
                        "2. 取 Δv = −η∇C：于是 ΔC ≈ −η‖∇C‖² ≤ 0，只要 η 足够小："))
        print(BowlReport.learningRateTable(bowl, at: v, etas: [0.01, 0.1, 0.25, 0.5, 0.7], language: lang))
        print()
        print(lang.text("3. Repeat v → v′ = v − η∇C with η = \(eta):", "3. 取 η = \(eta)，反复执行 v → v′ = v − η∇C："))
        let path = BowlDescent.path(bowl, from: v, eta: eta, steps: steps)
        print(BowlReport.pathTable(path, language: lang))
        if let last = path.last, !last.cost.isFinite || last.cost > (path.first?.cost ?? 0) {
            print(lang.text("The cost grew: η = \(eta) overshoots the minimum; try a smaller --eta.",
                            "代价反而增大了：η = \(eta) 步子太大，越过了最小值；试试更小的 --eta。"))
        }
        if let plot {
            try reportingFileErrors("gradient-descent") { try BowlReport.plot(bowl, path: path, eta: eta).write(to: plot) }
            print(lang.text("wrote \(plot)", "已写入 \(plot)"))
        }
    }
}

/// `gradient-descent batches`: online learning (m = 1) against larger mini-batches.
struct BatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batches",
        abstract: "Train the same network with mini-batch sizes 1, 10, 20, 100 and compare."
    )

    @OptionGroup var demo: DemoDataFlags<BatchesTraining>

    @OptionGroup var training: TrainingFlags<BatchesTraining>

    @Option(parsing: .upToNextOption, help: "Mini-batch sizes to compare.")
    var batchSizes = [1, 10, 20, 100]

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Write test accuracy against epoch to FILE (.svg or .png).")
    var plot: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        for problem in [DemoData.flagProblem(train: demo.train, test: demo.test, layers: layers, mnist: demo.data != nil), plot.flatMap(LinePlot.problem(writing:))] {
            if let problem { throw ValidationError(problem) }
        }
        try requireAtLeast(training.epochs, 1, "--epochs")
        guard !batchSizes.isEmpty, batchSizes.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--batch-sizes must be whole numbers ≥ 1, got \(batchSizes)")
        }
    }

    /// `--sizes`, or without it [784, 30, 10] for MNIST and [2, 10, 3] for the synthetic task.
    var layers: [Int] {
        demo.data != nil && training.sizes.values == BatchesTraining.sizes ? BatchesTraining.mnistSizes : training.sizes.values
    }

    func run() throws {
        let (epochs, eta) = (training.epochs, training.eta)
        let lang = language.language
        var generator = seedOption.makeGenerator(language: lang)
        let data = try DemoData.load(mnistDirectory: demo.data, layers: layers, trainingCount: demo.train,
                                     testCount: demo.test, noise: demo.noise, generator: &generator)
        let network = try Network(sizes: layers, generator: &generator)
        let shape = layers.map(String.init).joined(separator: ",")
        print(lang.text("data: \(data.summary)", "数据：\(data.summary(in: lang))"))
        print(lang.text("network [\(shape)], quadratic cost, η = \(eta), \(epochs) epochs for every mini-batch size",
                        "网络 [\(shape)]，二次代价函数，η = \(eta)，每种小批量大小都训练 \(epochs) 个迭代期"))
        print()
        let runs = try BatchSizeComparison.run(network: network, training: data.training, test: data.test,
                                               miniBatchSizes: batchSizes, epochs: epochs, eta: eta, seed: seedOption.seed)
        print(lang.text("test accuracy after each epoch (\(data.test.count) test examples):",
                        "每个迭代期之后的测试准确率（\(data.test.count) 个测试样本）："))
        print(BatchSizeReport.table(runs, testCount: data.test.count, language: lang))
        print(BatchSizeReport.timeLine(runs, language: lang))
        print()
        print(lang.text("""
            Every run sees each training example once per epoch; m = 1 (online learning) takes a step
            after every example, m = 20 one step per 20 examples, each along their average gradient.
            """, """
            每次运行在每个迭代期里把每个训练样本恰好用一次；m = 1（在线学习）每个样本之后走一步，
            m = 20 则每 20 个样本走一步，每一步都沿着这些样本的平均梯度。
            """))
        if let plot {
            try reportingFileErrors("gradient-descent") { try BatchSizeReport.plot(runs, testCount: data.test.count, eta: eta).write(to: plot) }
            print(lang.text("wrote \(plot)", "已写入 \(plot)"))
        }
    }
}
