import BackpropEngine
import CommandLineSupport

/// `mnist train`'s training flags: chapter 1's run, `network.SGD(training_data, 30, 10, 3.0)`
/// on `Network([784, 30, 10])`.
enum MNISTTraining: TrainingDefaults {
    static let sizes = [784, 30, 10]
    static let sizesHelp = "Layer sizes; the first must be 784 (pixels) and the last 10 (digits)."
}
