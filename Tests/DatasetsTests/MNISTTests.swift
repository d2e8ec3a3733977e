import BackpropEngine
import Datasets
import Foundation
import Testing
import TestSupport

/// The real MNIST files beside the project (`../shared/data/mnist`), if present.
let realMNISTDirectory: String? = PackagePaths.sharedMNISTIfPresent

@Suite("MNIST: the book's split of the real files")
struct MNISTTests {
    @Test("50,000 training, 10,000 validation, 10,000 test; 28 × 28; pixels in [0, 1]",
          .enabled(if: realMNISTDirectory != nil, "real MNIST not found at ../shared/data/mnist; skipped"))
    func splitSizes() throws {
        let mnist = try MNIST.load(directory: realMNISTDirectory ?? "")
        #expect(mnist.trainingSet.count == 60_000)
        #expect(mnist.testSet.count == 10_000)
        #expect(mnist.trainingSet.rows == 28 && mnist.trainingSet.columns == 28)
        #expect(mnist.trainingSet.pixels.count == 60_000 * 784)
        #expect(mnist.trainingRange == 0..<50_000)
        #expect(mnist.validationRange == 50_000..<60_000)

        let training = mnist.training
        let validation = mnist.validation
        let test = mnist.test
        #expect(training.count == 50_000)
        #expect(validation.count == 10_000)
        #expect(test.count == 10_000)
        // The first training image is the famous 5; the first test image a 7.
        #expect(training[0].y == Vector.oneHot(5, count: 10))
        #expect(test[0].label == 7)
        #expect(validation[0].label == mnist.trainingSet.label(50_000))
        #expect(training[0].x.count == 784)
        #expect(training[0].x.elements.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(training[0].x.elements.contains(1.0))  // pixel 255 scales to exactly 1
        #expect(mnist.makeTraining(limit: 100).count == 100)
        #expect(mnist.makeTest(limit: 20_000).count == 10_000)
    }
}

@Suite("MNIST: loading a directory and splitting")
struct MNISTDirectoryTests {
    @Test("the four standard names load, gzipped or plain, and split at the end", arguments: [true, false])
    func loadsDirectory(gzip: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Synthetic.writeMNIST(into: directory, training: 30, test: 7, gzip: gzip)
        let mnist = try MNIST.load(directory: directory.path, validationCount: 10)
        #expect(mnist.trainingRange == 0..<20 && mnist.validationRange == 20..<30)
        #expect(mnist.training.count == 20 && mnist.validation.count == 10 && mnist.test.count == 7)
        #expect(mnist.validation[0].label == mnist.trainingSet.label(20))
        #expect(mnist.makeValidation(limit: 3).count == 3)
    }

    @Test("a missing file is named; too few images for the split is an error")
    func missingAndSmall() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Synthetic.writeMNIST(into: directory, training: 30, test: 7, gzip: true)
        // 30 images cannot give the book's 10,000 validation images.
        var error = try #require(throws: DatasetError.self) { try MNIST.load(directory: directory.path) }
        #expect(error.description.contains("train-images-idx3-ubyte.gz: the training file has 30 images"))
        try FileManager.default.removeItem(atPath: directory.file("t10k-labels-idx1-ubyte.gz"))
        error = try #require(throws: DatasetError.self) { try MNIST.load(directory: directory.path, validationCount: 10) }
        #expect(error.description == directory.file("t10k-labels-idx1-ubyte.gz") + ": no such file (nor t10k-labels-idx1-ubyte without .gz)")
    }

    @Test("training and test images of different sizes are refused")
    func differentSizes() throws {
        let training = try MNISTSet(images: #require(Synthetic.images(count: 3)), labels: #require(Synthetic.labels(count: 3)))
        let test = try MNISTSet(images: #require(Synthetic.images(count: 3, rows: 3)), labels: #require(Synthetic.labels(count: 3)))
        #expect(throws: DatasetError.self) { try MNIST(trainingSet: training, testSet: test, validationCount: 1) }
    }
}
