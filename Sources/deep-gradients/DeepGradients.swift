import ArgumentParser
import BackpropEngine
import CommandLineSupport
import GradientDemos
import Localization
import Pictures
import Rendering

/// Lesson 8's demo: in a deep sigmoid network the early layers learn much more slowly
/// than the later ones, because the gradient shrinks as backpropagation goes back
/// (chapter 5 of the book: the vanishing gradient problem).
@main
struct DeepGradients: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deep-gradients",
        abstract: "Trace ‖∂C/∂bˡ‖, the speed of learning of each layer, in a deep sigmoid net."
    )

    @OptionGroup var training: TrainingFlags<DeepTraining>

    @Option(help: "MNIST directory; without it, a synthetic task with the same input size is used.")
    var data: String?

    @Option(help: "Noise σ of the synthetic clusters (ignored with --data).")
    var noise = 0.25

    @Option(help: "Training examples (also the examples the gradient is measured over).")
    var train = 500

    @Option(help: "Test examples to measure accuracy on.")
    var test = 200

    /// The spellings before the shared training flags, kept (hidden) so old commands still run.
    @Option(name: .customLong("mini-batch-size"), help: .private)
    var oldBatch: Int?

    @Option(name: .customLong("initializer"), help: .private)
    var oldInitializer: Network.Initializer?

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Write ‖∂C/∂bˡ‖ against epoch to FILE (.svg or .png).")
    var plot: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        for problem in [DemoData.flagProblem(train: train, test: test, layers: sizes.values, mnist: data != nil), plot.flatMap(LinePlot.problem(writing:))] {
            if let problem { throw ValidationError(problem) }
        }
        try requireAtLeast(epochs, 0, "--epochs")
        try requireAtLeast(miniBatchSize, 1, "--batch")
        try requirePositive(noise, "--noise")
    }

    // The values run() uses: the shared training flags, an old spelling winning when given.
    var sizes: LayerSizes { training.sizes }
    var epochs: Int { training.epochs }
    var miniBatchSize: Int { oldBatch ?? training.batch }
    var eta: Double { training.eta }
    var cost: Cost { training.cost }
    var initializer: Network.Initializer { oldInitializer ?? training.initializer }

    func run() throws {
        let lang = language.language
        var generator = seedOption.makeGenerator(language: lang)
        let layers = sizes.values
        let demo = try DemoData.load(mnistDirectory: data, layers: layers, trainingCount: train, testCount: test,
                                     noise: noise, generator: &generator)
        let network = try Network(sizes: layers, initializer: initializer, cost: cost, generator: &generator)
        print(lang.text("data: \(demo.summary)", "数据：\(demo.summary(in: lang))"))
        print(lang.text("network [\(sizes)], \(initializer.rawValue) initial weights, \(cost.rawValue) cost, η = \(eta), mini-batch \(miniBatchSize)",
                        "网络 [\(sizes)]，\(lang.phrase("\(initializer.rawValue) initial weights"))，\(lang.phrase("\(cost.rawValue) cost"))，η = \(eta)，小批量大小 \(miniBatchSize)"))
        print()
        print(lang.text("‖∂C/∂bˡ‖ over the \(demo.training.count) training examples, the speed at which layer l learns:",
                        "在 \(demo.training.count) 个训练样本上的 ‖∂C/∂bˡ‖，即第 l 层学习的速度："))
        let points = try LayerGradientTrace.trace(network: network, training: demo.training, probe: demo.training, test: demo.test,
                                                  epochs: epochs, miniBatchSize: miniBatchSize, eta: eta, generator: &generator)
        print(LayerGradientReport.table(points, layerCount: layers.count, testCount: demo.test.count, language: lang))
        if let ratios = LayerGradientReport.ratios(points), let first = ratios.first, let last = ratios.last {
            print()
            print(String(format: lang.text("The last hidden layer learns %.1f× faster than the first at the start, %.1f× after epoch %d.",
                                           "最后一个隐藏层的学习速度：开始时是第一个隐藏层的 %.1f 倍，训练后是 %.1f 倍（迭代期 %d 之后）。"),
                         first, last, points.last?.epoch ?? 0))
        }
        if let plot {
            try reportingFileErrors("deep-gradients") { try LayerGradientReport.plot(points, layerCount: layers.count, sizes: layers).write(to: plot) }
            print(lang.text("wrote \(plot)", "已写入 \(plot)"))
        }
    }
}
