import Datasets
import Foundation
import Synchronization
import Testing
import TestSupport
@testable import SVMBaseline

/// LIBSVM through `SVMBaseline` on a few hundred real digits.
@Suite struct SVMModelTests {
    /// 400 training images are enough for the RBF machine to read most digits: chance is
    /// 10%, and this setting scores 63.2% on the first 1,000 test images (measured; C = 1
    /// underfits so little data — 2,000 images give 88%). Half right is five times
    /// chance, and any broken data path (labels out of step with rows, wrong pixel
    /// indices or scaling) falls to chance or near it.
    @Test func aFewHundredImagesScoreWellAboveChance() throws {
        let run = try SmallRun.shared.get()
        let answers = try #require(run.model.predictAll(run.test))
        let correct = zip(answers, run.test.labels).filter { $0 == $1 }.count
        #expect(correct > 500, "\(correct) / 1000")
        #expect(run.model.labels == Array(0..<10))
        #expect(run.model.supportVectorsPerClass.reduce(0, +) == run.model.supportVectorCount)
        #expect((1...400).contains(run.model.supportVectorCount))
    }

    /// Prediction split over threads gives the same answers as one image at a time.
    @Test func threadsDoNotChangeTheAnswers() throws {
        let run = try SmallRun.shared.get()
        let one = try #require(run.model.predictAll(run.test, threads: 1))
        let three = try #require(run.model.predictAll(run.test, threads: 3))
        let serial = (0..<run.test.count).map { run.model.predict(run.test, row: $0) }
        #expect(one == serial)
        #expect(three == serial)
    }

    /// A saved model loads back to the same answers, and saving it again writes the
    /// same bytes (LIBSVM prints pixel values with `%.8g`, which is idempotent).
    @Test func saveAndLoadRoundTrip() throws {
        let run = try SmallRun.shared.get()
        let directory = try TemporaryDirectory(prefix: "SVMBaselineTests")
        defer { directory.remove() }
        let path = directory.file("svm.model")
        try run.model.save(to: path)
        let loaded = try SVMModel.load(from: path)
        #expect(loaded.labels == run.model.labels)
        #expect(loaded.supportVectorCount == run.model.supportVectorCount)
        #expect(loaded.gamma == run.model.gamma)
        #expect(loaded.predictAll(run.test) == run.model.predictAll(run.test))
        let again = directory.file("again.model")
        try loaded.save(to: again)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["again.model", "svm.model"])
    }

    /// The training rows are grouped by digit (so LIBSVM's labels are 0…9, as
    /// scikit-learn's), each digit's images in file order; pixels are stored sparsely.
    @Test func sparseRowsAreTheNonZeroPixels() throws {
        let mnist = try realMNIST.get()
        let digits = SparseDigits.groupedByDigit(mnist.trainingSet, range: 0..<100)
        #expect(digits.labels == digits.labels.sorted())
        #expect(digits.count == 100)
        let first = try #require((0..<100).first { mnist.trainingSet.label($0) == 0 })
        let image = mnist.trainingSet.image(first)
        var nodes: [(Int32, Double)] = []
        var node = try #require(digits.rows[0])
        while node.pointee.index != -1 {
            nodes.append((node.pointee.index, node.pointee.value))
            node += 1
        }
        let expected = image.enumerated().filter { $0.element != 0 }.map { (Int32($0.offset + 1), Double($0.element) / 255) }
        #expect(nodes.map(\.0) == expected.map(\.0))
        #expect(nodes.map(\.1) == expected.map(\.1))
        #expect((0.15...0.25).contains(digits.density))
    }

    @Test func oneDigitIsNotEnough() throws {
        let mnist = try realMNIST.get()
        let zeros = (0..<200).filter { mnist.trainingSet.label($0) == 0 }
        let digits = SparseDigits(mnist.trainingSet, indices: zeros)
        #expect(throws: SVMTrainingError.self) { try SVMModel.train(digits, parameters: .book) }
    }

    /// LIBSVM's file functions switch the process locale with `setlocale`, which is not
    /// thread-safe; `SVMModel.load` and `save` take turns (`LIBSVMLocale`). Without that,
    /// eight threads loading and saving at once corrupt the heap within a few rounds.
    @Test func loadAndSaveOnManyThreadsAtOnce() throws {
        let model = try tinyModel.get()
        let directory = try TemporaryDirectory(prefix: "SVMBaselineTests")
        defer { directory.remove() }
        let path = directory.file("svm.model")
        try model.save(to: path)
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for round in 0..<10 {
                do {
                    let loaded = try SVMModel.load(from: path)
                    try loaded.save(to: directory.file("copy-\(thread)-\(round).model"))
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }
}
