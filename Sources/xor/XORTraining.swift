import CommandLineSupport

/// `xor`'s training flags: [2, 3, 1], full-batch gradient descent on the four
/// examples (batch 4), a large η because the cost surface is flat near the start.
enum XORTraining: TrainingDefaults {
    static let sizes = [2, 3, 1]
    static let sizesHelp = "Layer sizes; the first must be 2 and the last 1."
    static let epochs = 3000
    static let epochsHelp = "Training epochs (each is one pass over the four examples)."
    static let batch = 4
    static let eta = 4.0
}
