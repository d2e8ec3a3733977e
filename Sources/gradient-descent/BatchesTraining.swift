import CommandLineSupport

/// `gradient-descent batches`' training flags. The mini-batch size is what the command
/// varies (`--batch-sizes`), and the runs use chapter 1's quadratic cost and N(0, 1)
/// weights, so only `--sizes`, `--epochs` and `--eta` apply.
enum BatchesTraining: TrainingDefaults, DemoDataDefaults {
    static let flags: Set<TrainingFlag> = [.sizes, .epochs, .eta]
    /// The synthetic task's net; with `--data` and no `--sizes`, `mnistSizes`.
    static let sizes = [2, 10, 3]
    static let mnistSizes = [784, 30, 10]
    static let sizesHelp = "Layer sizes (synthetic: any; MNIST needs 784 inputs and 10 outputs, 784,30,10 unless given)."
    static let epochs = 5
    static let epochsHelp = "Epochs for every run."
    static let etaHelp = "Learning rate η, the same for every run."
    static let train = 1000
    static let test = 500
    static let noise = 0.05
}
