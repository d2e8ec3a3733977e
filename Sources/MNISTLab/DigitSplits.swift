import BackpropEngine

/// MNIST as chapter 1 splits it: 50,000 training examples with one-hot targets, and the
/// 10,000 validation and 10,000 test images with their labels. Inputs are 784 pixels
/// in [0, 1], row by row.
public struct DigitSplits: Sendable {
    public var training: [Example]
    public var validation: [LabeledExample]
    public var test: [LabeledExample]

    public init(training: [Example], validation: [LabeledExample], test: [LabeledExample]) {
        self.training = training
        self.validation = validation
        self.test = test
    }

    /// The held-out set named by `set`.
    public func heldOut(_ set: EvaluationSet) -> [LabeledExample] {
        switch set {
        case .validation: validation
        case .test: test
        }
    }

    /// The training examples with their labels (the hot index of each target).
    public var labeledTraining: [LabeledExample] {
        training.map { LabeledExample(x: $0.x, label: $0.y.argmax) }
    }
}
