import BackpropEngine
import Datasets
import Foundation
import Testing
import Zlib
import TestSupport

@Suite("MNIST sets: images checked against labels")
struct MNISTSetTests {
    @Test("a valid pair loads; images, labels and examples line up")
    func valid() throws {
        let set = try MNISTSet(images: #require(Synthetic.images(count: 6)), labels: #require(Synthetic.labels(count: 6)))
        #expect(set.count == 6 && set.rows == 4 && set.columns == 3 && set.pixelsPerImage == 12)
        #expect(Array(set.image(1)) == (12..<24).map { UInt8(truncatingIfNeeded: $0 * 37) })
        #expect(set.label(5) == 5)
        let example = set.example(1)
        #expect(example.y == Vector.oneHot(1, count: 10))
        #expect(example.x.elements == set.image(1).map { Double($0) / 255 })
        #expect(set.labeledExample(2).label == 2)
        #expect(set.examples(4..<100).count == 2)
        let subset = set.subset(2..<4)
        #expect(subset.count == 2 && Array(subset.image(0)) == Array(set.image(2)))
    }

    /// The error of loading an image file and a label file written from these bytes.
    func pairError(images: Data, labels: Data) throws -> DatasetError {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let imagesPath = try directory.write("images", images)
        let labelsPath = try directory.write("labels", labels)
        return try #require(throws: DatasetError.self) { try MNISTSet.load(images: imagesPath, labels: labelsPath) }
    }

    @Test("image and label counts that disagree name the label file")
    func countMismatch() throws {
        let error = try pairError(images: #require(Synthetic.images(count: 6)).encoded(),
                                  labels: #require(Synthetic.labels(count: 5)).encoded())
        #expect(error.file?.hasSuffix("/labels") == true)
        #expect(error.problem.hasPrefix("has 5 labels but "))
        #expect(error.problem.hasSuffix("/images has 6 images"))
    }

    @Test("a label over 9 is refused, naming its index")
    func labelOverNine() throws {
        let labels = try #require(IDXFile(dimensions: [3], data: [1, 12, 3]))
        let error = try pairError(images: #require(Synthetic.images(count: 3)).encoded(), labels: labels.encoded())
        #expect(error.file?.hasSuffix("/labels") == true)
        #expect(error.problem == "label 12 at index 1 is not a digit 0–9")
        #expect(throws: DatasetError.self) { try MNISTSet(rows: 1, columns: 1, pixels: [0], labels: [10]) }
    }

    @Test("files swapped or of the wrong rank are named")
    func wrongRank() throws {
        let images = try #require(Synthetic.images(count: 3)).encoded()
        let labels = try #require(Synthetic.labels(count: 3)).encoded()
        var error = try pairError(images: labels, labels: images)
        #expect(error.file?.hasSuffix("/images") == true)
        #expect(error.problem.contains("is not an image file"))
        error = try pairError(images: images, labels: images)
        #expect(error.file?.hasSuffix("/labels") == true)
        #expect(error.problem.contains("is not a label file"))
        error = try pairError(images: #require(IDXFile(dimensions: [3, 0, 5], data: [])).encoded(), labels: labels)
        #expect(error.problem.contains("have no pixels"))
    }

    @Test("raw parts are checked")
    func rawParts() {
        #expect(throws: DatasetError.self) { try MNISTSet(rows: 2, columns: 2, pixels: [1, 2, 3], labels: [1]) }
        #expect(throws: DatasetError.self) { try MNISTSet(rows: Int.max, columns: 2, pixels: [], labels: [1]) }
        #expect(throws: DatasetError.self) { try MNISTSet(rows: 0, columns: 2, pixels: [], labels: []) }
    }
}
