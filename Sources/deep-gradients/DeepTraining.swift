import BackpropEngine
import CommandLineSupport

/// `deep-gradients`' training flags: a deep net, chapter 3's cross-entropy cost and
/// scaled initial weights (so that the slow early layers are not blamed on saturated
/// outputs or large weights), a small η and a few epochs. No `--lambda`: the trace
/// measures plain SGD.
enum DeepTraining: TrainingDefaults, DemoDataDefaults {
    static let flags: Set<TrainingFlag> = [.sizes, .epochs, .batch, .eta, .cost, .initializer]
    static let sizes = [784, 30, 30, 30, 10]
    static let sizesHelp = "Layer sizes; with --data they must start with 784 and end with 10."
    static let epochs = 4
    static let epochsHelp = "Training epochs; the gradient is measured at the start and after each."
    static let eta = 0.1
    static let cost = Cost.crossEntropy
    static let initializer = Network.Initializer.scaled
    static let train = 500
    static let trainUse = " (also the examples the gradient is measured over)"
    static let test = 200
    static let noise = 0.25
}
