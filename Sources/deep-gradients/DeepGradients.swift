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

    @OptionGroup var demo: DemoDataFlags<DeepTraining>

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
        for problem in [DemoData.flagProblem(train: demo.train, test: demo.test, layers: sizes.values, mnist: demo.data != nil), plot.flatMap(LinePlot.problem(writing:))] {
            if let problem { throw ValidationError(problem) }
        }
        try requireAtLeast(epochs, 0, "--epochs")
        try requireAtLeast(miniBatchSize, 1, "--batch")
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
        let data = try DemoData.load(mnistDirectory: demo.data, layers: layers, trainingCount: demo.train,
                                     testCount: demo.test, noise: demo.noise, generator: &generator)
        let network = try Network(sizes: layers, initializer: initializer, cost: cost, generator: &generator)
        print(lang.text("data: \(data.summary)", "数据：\(data.summary(in: lang))"))
        print(lang.text("network [\(sizes)], \(initializer.rawValue) initial weights, \(cost.rawValue) cost, η = \(eta), mini-batch \(miniBatchSize)",
                        "网络 [\(sizes)]，\(lang.phrase("\(initializer.rawValue) initial weights"))，\(lang.phrase("\(cost.rawValue) cost"))，η = \(eta)，小批量大小 \(miniBatchSize)"))
        print()
        print(lang.text("‖∂C/∂bˡ‖ over the \(data.training.count) training examples, the speed at which layer l learns:",
                        "在 \(data.training.count) 个训练样本上的 ‖∂C/∂bˡ‖，即第 l 层学习的速度："))
        let points = try LayerGradientTrace.trace(network: network, training: data.training, probe: data.training, test: data.test,
                                                  epochs: epochs, miniBatchSize: miniBatchSize, eta: eta, generator: &generator)
        print(LayerGradientReport.table(points, layerCount: layers.count, testCount: data.test.count, language: lang))
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
