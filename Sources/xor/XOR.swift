import ArgumentParser
import BackpropEngine
import CommandLineSupport
import Localization
import Rendering

/// Trains a tiny sigmoid network on XOR, the smallest problem a perceptron cannot
/// solve and one hidden layer can: the quickest way to watch backprop learn.
@main
struct XOR: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a small sigmoid network on XOR and print what it learned."
    )

    @OptionGroup var training: TrainingFlags<XORTraining>

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Save the trained network to FILE (network2 JSON).")
    var save: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let sizes = training.sizes
        guard sizes.values.first == 2, sizes.values.last == 1 else {
            throw ValidationError("--sizes must start with 2 inputs and end with 1 output for XOR, got \(sizes)")
        }
        try requireAtLeast(training.epochs, 1, "--epochs")
        guard (1...XORData.examples.count).contains(training.batch) else {
            throw ValidationError("--batch must be between 1 and \(XORData.examples.count) (the XOR examples), got \(training.batch)")
        }
    }

    mutating func run() throws {
        let (sizes, epochs, eta, cost, lambda) = (training.sizes, training.epochs, training.eta, training.cost, training.lambda)
        let lang = language.language
        var generator = seedOption.makeGenerator(language: lang)
        var network = try Network(sizes: sizes.values, initializer: training.initializer, cost: cost, generator: &generator)
        let data = XORData.examples
        let batchNote = training.batch == data.count ? "" : lang.text(", mini-batch \(training.batch)", "，小批量大小 \(training.batch)")
        let decayNote = lambda == 0 ? "" : lang.text(", λ = \(lambda)", "，λ = \(lambda)")
        print(lang.text("training \(sizes) on XOR: \(epochs) epochs, η = \(eta)\(decayNote)\(batchNote), \(cost.rawValue) cost",
                        "在 XOR 上训练 \(sizes)：\(epochs) 个迭代期，η = \(eta)\(decayNote)\(batchNote)，\(lang.phrase("\(cost.rawValue) cost"))"))
        let checkpoints = Set([0, epochs / 10, epochs / 3, epochs - 1])
        var table = TextTable(header: [lang.text("epoch", "迭代期"), lang.text("cost", "代价")])
        for epoch in 0..<epochs {
            try network.sgd(trainingData: data, epochs: 1, miniBatchSize: training.batch, eta: eta, lambda: lambda,
                            generator: &generator)
            if checkpoints.contains(epoch) {
                table.append([String(epoch + 1), String(format: "%.6f", network.totalCost(data, lambda: lambda, n: data.count))])
            }
        }
        print(table.render())
        print()
        var truth = TextTable(header: ["x1", "x2"] + lang.text("target|output|rounded", "目标|输出|取整").components(separatedBy: "|"))
        for example in data {
            let a = network.feedforward(example.x)[0]
            truth.append([fmt(example.x[0]), fmt(example.x[1]), fmt(example.y[0]), String(format: "%.4f", a), a >= 0.5 ? "1" : "0"])
        }
        print(truth.render())
        let learned = data.allSatisfy { ($0.y[0] == 1) == (network.feedforward($0.x)[0] >= 0.5) }
        print(learned ? lang.text("learned XOR", "学会了 XOR")
                      : lang.text("did not learn XOR: try another --seed or more --epochs", "没有学会 XOR：换一个 --seed 或增加 --epochs 再试"))
        if let save {
            try reportingFileErrors("xor") { try ModelFile.save(network, to: save) }
            print(lang.text("saved \(save)", "已保存 \(save)"))
        }
    }

    private func fmt(_ v: Double) -> String { String(Int(v)) }
}

/// The four XOR examples.
enum XORData {
    static let examples: [Example] = [
        Example(x: [0, 0], y: [0]), Example(x: [0, 1], y: [1]),
        Example(x: [1, 0], y: [1]), Example(x: [1, 1], y: [0]),
    ]
}
