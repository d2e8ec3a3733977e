import BackpropEngine
import Datasets
import Localization

/// The examples a demo trains on: a small subset of MNIST when the user has the data,
/// a small synthetic task otherwise, so every demo runs on a fresh machine.
public struct DemoData: Sendable {
    /// One line saying what the data is, for printing.
    public var summary: String
    /// The same line in Simplified Chinese.
    public var chineseSummary: String
    /// Training examples with one-hot targets.
    public var training: [Example]
    /// Held-out examples with labels.
    public var test: [LabeledExample]

    public init(summary: String, chineseSummary: String? = nil, training: [Example], test: [LabeledExample]) {
        self.summary = summary
        self.chineseSummary = chineseSummary ?? summary
        self.training = training
        self.test = test
    }

    /// `summary` in `language`.
    public func summary(in language: Language) -> String {
        language.text(summary, chineseSummary)
    }

    /// The data a demo with layer sizes `layers` runs on: MNIST from `mnistDirectory` when
    /// one is given, else synthetic clusters with `layers.first` inputs and `layers.last`
    /// classes.
    ///
    /// - Throws: `DatasetError` naming the MNIST file at fault.
    public static func load(mnistDirectory: String?, layers: [Int], trainingCount: Int, testCount: Int,
                            noise: Double, generator: inout SeededGenerator) throws(DatasetError) -> DemoData {
        if let mnistDirectory {
            return try mnist(directory: mnistDirectory, trainingCount: trainingCount, testCount: testCount)
        }
        return synthetic(inputs: layers.first ?? 1, classes: layers.last ?? 1, trainingCount: trainingCount,
                         testCount: testCount, noise: noise, generator: &generator)
    }

    /// The most training or test examples a demo takes (MNIST has 50,000 training images).
    public static let maximumCount = 50_000

    /// Why `count` examples are not a sensible `--train` or `--test` (named `flag`), or `nil`.
    public static func countProblem(_ count: Int, _ flag: String) -> String? {
        (1...maximumCount).contains(count) ? nil : "\(flag) must be between 1 and \(maximumCount), got \(count)"
    }

    /// Why `layers` cannot run on MNIST (which has 784 inputs and 10 classes), or `nil`.
    public static func mnistShapeProblem(_ layers: [Int]) -> String? {
        guard layers.first != 784 || layers.last != 10 else { return nil }
        let text = layers.map(String.init).joined(separator: ",")
        return "--sizes must start with 784 inputs and end with 10 outputs for MNIST, got \(text)"
    }

    /// The first problem with the data flags every demo shares — the `--train` and
    /// `--test` counts and, with `--data` (`mnist`), a network `layers` that fits MNIST —
    /// or `nil`.
    public static func flagProblem(train: Int, test: Int, layers: [Int], mnist: Bool) -> String? {
        countProblem(train, "--train") ?? countProblem(test, "--test") ?? (mnist ? mnistShapeProblem(layers) : nil)
    }

    /// The first `trainingCount` MNIST training images and the first `testCount`
    /// validation images (the book's split) from `directory`.
    ///
    /// - Throws: `DatasetError` naming the file at fault.
    public static func mnist(directory: String, trainingCount: Int, testCount: Int) throws(DatasetError) -> DemoData {
        let mnist = try MNIST.load(directory: directory)
        let training = mnist.makeTraining(limit: trainingCount)
        let test = mnist.makeValidation(limit: testCount)
        return DemoData(summary: "MNIST: the first \(training.count) training images, the first \(test.count) validation images",
                        chineseSummary: "MNIST：前 \(training.count) 张训练图像，前 \(test.count) 张验证图像",
                        training: training, test: test)
    }

    /// A synthetic task: `classes` noisy clusters in [0, 1]^`inputs` (see `SyntheticClusters`).
    public static func synthetic(inputs: Int, classes: Int, trainingCount: Int, testCount: Int,
                                 noise: Double = 0.25, generator: inout SeededGenerator) -> DemoData {
        let clusters = SyntheticClusters(inputs: inputs, classes: classes, trainingCount: trainingCount,
                                         testCount: testCount, noise: noise, generator: &generator)
        return DemoData(summary: "synthetic: \(classes) noisy clusters (σ = \(noise)) in \(inputs) dimensions, \(trainingCount) training and \(testCount) test examples (pass --data DIR for MNIST)",
                        chineseSummary: "合成数据：\(classes) 个带噪声的簇（σ = \(noise)），位于 \(inputs) 维空间，\(trainingCount) 个训练样本和 \(testCount) 个测试样本（加 --data DIR 改用 MNIST）",
                        training: clusters.training, test: clusters.test)
    }
}
