import ArgumentParser
import BackpropEngine
import CommandLineSupport
import Rendering

/// Trains a tiny sigmoid network on XOR, the smallest problem a perceptron cannot
/// solve and one hidden layer can: the quickest way to watch backprop learn.
@main
struct XOR: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a small sigmoid network on XOR and print what it learned."
    )

    @Option(help: "Layer sizes; the first must be 2 and the last 1.", transform: LayerSizes.parse)
    var sizes = LayerSizes([2, 3, 1])

    @Option(help: "Training epochs (each is one pass over the four examples, batch size 4).")
    var epochs = 3000

    @Option(help: "Learning rate η.")
    var eta = 4.0

    @Option(help: "Cost: quadratic or cross-entropy.")
    var cost = Cost.quadratic

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Save the trained network to FILE (network2 JSON).")
    var save: String?

    func validate() throws {
        guard sizes.values.first == 2, sizes.values.last == 1 else {
            throw ValidationError("--sizes must start with 2 inputs and end with 1 output for XOR, got \(sizes)")
        }
        try requireAtLeast(epochs, 1, "--epochs")
        try requirePositive(eta, "--eta")
    }

    mutating func run() throws {
        var generator = seedOption.makeGenerator()
        var network = try Network(sizes: sizes.values, cost: cost, generator: &generator)
        let data = XORData.examples
        print("training \(sizes) on XOR: \(epochs) epochs, η = \(eta), \(cost.rawValue) cost")
        let checkpoints = Set([0, epochs / 10, epochs / 3, epochs - 1])
        var table = TextTable(header: ["epoch", "cost"])
        for epoch in 0..<epochs {
            try network.sgd(trainingData: data, epochs: 1, miniBatchSize: 4, eta: eta, generator: &generator)
            if checkpoints.contains(epoch) {
                table.append([String(epoch + 1), String(format: "%.6f", network.totalCost(data))])
            }
        }
        print(table.render())
        print()
        var truth = TextTable(header: ["x1", "x2", "target", "output", "rounded"])
        for example in data {
            let a = network.feedforward(example.x)[0]
            truth.append([fmt(example.x[0]), fmt(example.x[1]), fmt(example.y[0]), String(format: "%.4f", a), a >= 0.5 ? "1" : "0"])
        }
        print(truth.render())
        let learned = data.allSatisfy { ($0.y[0] == 1) == (network.feedforward($0.x)[0] >= 0.5) }
        print(learned ? "learned XOR" : "did not learn XOR: try another --seed or more --epochs")
        if let save {
            try reportingFileErrors("xor") { try ModelFile.save(network, to: save) }
            print("saved \(save)")
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
