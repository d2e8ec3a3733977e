import ArgumentParser
import BackpropEngine
import CommandLineSupport
import Localization
import PerceptronCircuits
import Rendering

/// `sigmoid-limit`: sigmoid neurons with weights and biases times c approach perceptrons
/// as c → ∞, except where some w·x + b = 0.
@main
struct SigmoidLimitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sigmoid-limit",
        abstract: "Watch a sigmoid network with weights and biases times c converge to its perceptron network.",
        discussion: """
        By default the perceptron network is chapter 1's two-bit adder on input 1,1. \
        --network random draws a perceptron network with --sizes from --seed instead.
        """
    )

    enum NetworkChoice: String, ExpressibleByArgument, CaseIterable {
        case adder, random
    }

    @Option(help: "The perceptron network: adder (the two-bit adder of NAND perceptrons) or random.")
    var network = NetworkChoice.adder

    @Option(help: "Layer sizes of the random network (default: 3,4,2).", transform: LayerSizes.parse)
    var sizes = LayerSizes([3, 4, 2])

    @Option(help: "The input x, e.g. 1,0 (default: 1,1 for the adder, random for a random network).")
    var input: NumberList?

    @Option(help: ArgumentHelp("The table runs over c = 10⁰, 10¹, …, 10^K.", valueName: "K"))
    var maxPower = 4

    @OptionGroup var seedOption: SeedOption

    @Option(help: ArgumentHelp("Also write σ(z), σ(5z) and step(z) to FILE (.svg or .png).", valueName: "FILE"))
    var plot: String?

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        try requireWithin(maxPower, 0...300, "--max-power")
        guard sizes.values.reduce(0, +) <= 1000 else { throw ValidationError("--sizes: at most 1000 neurons in all for this demo, got \(sizes)") }
        if let plot, !([".svg", ".png"].contains { plot.lowercased().hasSuffix($0) }) {
            throw ValidationError("--plot FILE must end in .svg or .png, got '\(plot)'")
        }
        if let input {
            let wanted = network == .adder ? 2 : sizes.values[0]
            guard input.values.count == wanted else {
                throw ValidationError("--input needs \(wanted) numbers for this network, got \(input.values.count)")
            }
        }
    }

    func run() throws {
        let circuit: PerceptronCircuit
        let name: String
        let lang = language.language
        let localName: String
        var x: Vector
        switch network {
        case .adder:
            circuit = TwoBitAdder.circuit(carry: .doubled)
            name = "the two-bit adder (5 NAND perceptrons)"
            localName = lang.text(name, "两比特加法器（5 个与非门感知机）")
            x = Vector(input?.values ?? [1, 1])
        case .random:
            var generator = seedOption.makeGenerator(announce: output.isText, language: lang)
            circuit = PerceptronCircuit(network: try Network(sizes: sizes.values, generator: &generator))
            name = "random perceptron network \(sizes) (weights and biases from N(0, 1))"
            localName = lang.text(name, "随机感知机网络 \(sizes)（权重和偏置取自 N(0, 1)）")
            x = Vector((0..<sizes.values[0]).map { _ in generator.nextUniform() })
            if let input { x = Vector(input.values) }
        }
        let report = SigmoidLimitReport(network: name, circuit: circuit, input: x, scales: SigmoidLimit.powersOfTen(through: maxPower))
        try output.print(report) {
            report.text(language: lang, networkName: localName) + "\n\n"
                + lang.text("σ(c·z) steepens towards the perceptron's step as c grows, but is ½ at z = 0 for every c:",
                            "c 越大，σ(c·z) 越陡，越贴近感知机的阶跃函数；但无论 c 多大，它都是 ½（在 z = 0 处）：") + "\n\n"
                + StepSigmoidSketch.lines().joined(separator: "\n")
        }
        if let plot {
            try reportingFileErrors("sigmoid-limit") { try StepSigmoidSketch.plot().write(to: plot) }
            if output.isText { print(lang.text("wrote \(plot)", "已写入 \(plot)")) }
        }
    }
}
