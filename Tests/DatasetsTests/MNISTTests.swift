import BackpropEngine
import Datasets
import Foundation
import Testing

/// The real MNIST files beside the project (`../shared/data/mnist`), if present.
let realMNISTDirectory: String? = {
    let candidates = [
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data/mnist").standardized.path,
        FileManager.default.currentDirectoryPath + "/../shared/data/mnist",
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/train-images-idx3-ubyte.gz") }
}()

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
