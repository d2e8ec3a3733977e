import BackpropEngine
import Foundation

/// MNIST split the way the book's `mnist_loader.py` splits it:
///
/// - `training`: the first 50,000 images of the training file,
/// - `validation`: the last 10,000 images of the training file,
/// - `test`: the 10,000 images of the test file.
///
/// Pixels are scaled to [0, 1]; training examples carry a one-hot y (10 outputs),
/// validation and test examples the digit as a label.
///
/// `training`, `validation` and `test` build their examples on every access (about
/// 320 MB of `Double`s for `training`): read each once into a local, or use
/// `makeTraining(limit:)` and friends to build only the first few.
public struct MNIST: Sendable, Equatable {
    /// The standard file names, without `.gz`.
    public static let trainingImagesName = "train-images-idx3-ubyte"
    public static let trainingLabelsName = "train-labels-idx1-ubyte"
    public static let testImagesName = "t10k-images-idx3-ubyte"
    public static let testLabelsName = "t10k-labels-idx1-ubyte"
    /// The four standard file names, without `.gz`, in that order.
    public static let fileNames = [trainingImagesName, trainingLabelsName, testImagesName, testLabelsName]

    /// The size of the validation set taken from the end of the training file (the book's 10,000).
    public static let standardValidationCount = 10_000

    /// The 60,000 images of the training file, raw.
    public let trainingSet: MNISTSet
    /// The 10,000 images of the test file, raw.
    public let testSet: MNISTSet
    /// How many images at the end of `trainingSet` form the validation set.
    public let validationCount: Int

    /// The split of `trainingSet` and `testSet`, keeping the last `validationCount`
    /// training images for validation.
    ///
    /// - Throws: `DatasetError` if the two sets have different image sizes or the
    ///   training set does not have more than `validationCount` images.
    public init(trainingSet: MNISTSet, testSet: MNISTSet, validationCount: Int = MNIST.standardValidationCount) throws(DatasetError) {
        guard validationCount >= 0, trainingSet.count > validationCount else {
            throw DatasetError(file: nil, problem: "the training file has \(trainingSet.count) images; the split needs more than the \(validationCount) kept for validation")
        }
        guard trainingSet.rows == testSet.rows, trainingSet.columns == testSet.columns else {
            throw DatasetError(file: nil, problem: "training images are \(trainingSet.rows) × \(trainingSet.columns) but test images are \(testSet.rows) × \(testSet.columns)")
        }
        self.trainingSet = trainingSet
        self.testSet = testSet
        self.validationCount = validationCount
    }

    /// The indices of `trainingSet` used for training: 0..<50,000 for MNIST.
    public var trainingRange: Range<Int> { 0..<(trainingSet.count - validationCount) }
    /// The indices of `trainingSet` used for validation: 50,000..<60,000 for MNIST.
    public var validationRange: Range<Int> { (trainingSet.count - validationCount)..<trainingSet.count }

    /// The 50,000 training examples (x = pixels ÷ 255, y = one-hot digit). Built on each access.
    public var training: [Example] { makeTraining() }
    /// The 10,000 validation examples (last of the training file). Built on each access.
    public var validation: [LabeledExample] { makeValidation() }
    /// The 10,000 test examples. Built on each access.
    public var test: [LabeledExample] { makeTest() }

    /// The first `limit` training examples (all 50,000 when `limit` is nil or larger).
    public func makeTraining(limit: Int? = nil) -> [Example] {
        trainingSet.examples(trainingRange.prefix(limit ?? Int.max))
    }

    /// The first `limit` validation examples (all 10,000 when `limit` is nil or larger).
    public func makeValidation(limit: Int? = nil) -> [LabeledExample] {
        trainingSet.labeledExamples(validationRange.prefix(limit ?? Int.max))
    }

    /// The first `limit` test examples (all 10,000 when `limit` is nil or larger).
    public func makeTest(limit: Int? = nil) -> [LabeledExample] {
        testSet.labeledExamples((0..<testSet.count).prefix(limit ?? Int.max))
    }

    /// Loads the four standard files from `directory`, each as `NAME.gz` or plain `NAME`
    /// (plain preferred when both exist: it needs no decompression).
    ///
    /// - Throws: `DatasetError` naming the file at fault (missing, unreadable, corrupt,
    ///   or disagreeing with its partner).
    public static func load(directory: String, validationCount: Int = standardValidationCount) throws(DatasetError) -> MNIST {
        let paths = try fileNames.map { name throws(DatasetError) in try locate(name, in: directory) }
        let training = try MNISTSet.load(images: paths[0], labels: paths[1])
        let test = try MNISTSet.load(images: paths[2], labels: paths[3])
        do {
            return try MNIST(trainingSet: training, testSet: test, validationCount: validationCount)
        } catch {
            throw error.naming(paths[0])
        }
    }

    /// The path of `name` in `directory`: plain if present, else `.gz`.
    ///
    /// - Throws: `DatasetError` if neither exists.
    public static func locate(_ name: String, in directory: String) throws(DatasetError) -> String {
        if let found = existing(name, in: directory) { return found }
        throw DatasetError(file: path(directory, name + ".gz"), problem: "no such file (nor \(name) without .gz)")
    }

    /// The path of `name` or `name.gz` in `directory`, if either exists.
    static func existing(_ name: String, in directory: String) -> String? {
        [name, name + ".gz"].map { path(directory, $0) }.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func path(_ directory: String, _ name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }
}
