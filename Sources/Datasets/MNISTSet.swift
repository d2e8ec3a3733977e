import BackpropEngine

/// One MNIST image file and its label file, checked against each other: the raw
/// bytes, as the files hold them.
///
/// Pixels are 0 (background, white) … 255 (ink, black), row-major, image after image:
/// pixel (r, c) of image i is `pixels[i·rows·columns + r·columns + c]`. Labels are
/// the digits 0…9. `input(_:)`, `example(_:)` and friends scale pixels to [0, 1]
/// (÷ 255) as the book's `mnist_loader.py` does.
public struct MNISTSet: Sendable, Equatable {
    /// Image height in pixels (28 for MNIST).
    public let rows: Int
    /// Image width in pixels (28 for MNIST).
    public let columns: Int
    /// `count · rows · columns` pixel bytes, row-major, image after image.
    public let pixels: [UInt8]
    /// One digit 0…9 per image.
    public let labels: [UInt8]

    /// The number of images (and labels).
    public var count: Int { labels.count }
    /// Pixels per image, rows · columns (784 for MNIST).
    public var pixelsPerImage: Int { rows * columns }

    /// A set from raw bytes, checked: `pixels.count == labels.count · rows · columns`,
    /// rows and columns positive, every label 0…9.
    public init(rows: Int, columns: Int, pixels: [UInt8], labels: [UInt8]) throws(DatasetError) {
        try MNISTSet.checkShape(rows: rows, columns: columns, pixelCount: pixels.count, count: labels.count)
        try MNISTSet.checkLabels(labels)
        self.init(checked: rows, columns, pixels, labels)
    }

    /// A set from a parsed image file (3 dimensions: count × rows × columns) and label
    /// file (1 dimension: count), checking they agree; errors name the file at fault.
    public init(images: IDXFile, labels: IDXFile, imagesFile: String = "images", labelsFile: String = "labels") throws(DatasetError) {
        guard images.dimensions.count == 3 else {
            throw DatasetError(file: imagesFile, problem: "is not an image file: it has \(images.dimensions.count) dimension(s), images need 3 (count × rows × columns, magic 0x00000803)")
        }
        guard labels.dimensions.count == 1 else {
            throw DatasetError(file: labelsFile, problem: "is not a label file: it has \(labels.dimensions.count) dimensions, labels need 1 (magic 0x00000801)")
        }
        guard images.count == labels.count else {
            throw DatasetError(file: labelsFile, problem: "has \(labels.count) labels but \(imagesFile) has \(images.count) images")
        }
        let (rows, columns) = (images.dimensions[1], images.dimensions[2])
        do {
            try MNISTSet.checkShape(rows: rows, columns: columns, pixelCount: images.data.count, count: images.count)
        } catch {
            throw error.naming(imagesFile)
        }
        do {
            try MNISTSet.checkLabels(labels.data)
        } catch {
            throw error.naming(labelsFile)
        }
        self.init(checked: rows, columns, images.data, labels.data)
    }

    /// Reads an image file and its label file (each plain IDX or gzipped).
    ///
    /// - Throws: `DatasetError` naming the file at fault.
    public static func load(images: String, labels: String) throws(DatasetError) -> MNISTSet {
        let imageFile = try IDXFile.load(path: images)
        let labelFile = try IDXFile.load(path: labels)
        return try MNISTSet(images: imageFile, labels: labelFile, imagesFile: images, labelsFile: labels)
    }

    /// The pixel bytes of image `i` (0 ≤ i < count), row-major.
    public func image(_ i: Int) -> ArraySlice<UInt8> {
        let size = pixelsPerImage
        return pixels[i * size ..< (i + 1) * size]
    }

    /// The digit shown by image `i`.
    public func label(_ i: Int) -> Int { Int(labels[i]) }

    /// Image `i` as the network's input: `rows · columns` activations, pixel ÷ 255.
    public func input(_ i: Int) -> Vector {
        let size = pixelsPerImage
        let start = i * size
        let scaled = [Double](unsafeUninitializedCapacity: size) { buffer, initialized in
            pixels.withUnsafeBufferPointer { source in
                for j in 0..<size { buffer[j] = Double(source[start + j]) / 255 }
            }
            initialized = size
        }
        return Vector(scaled)
    }

    /// Image `i` as a training example: x = scaled pixels, y = one-hot digit (10 outputs).
    public func example(_ i: Int) -> Example {
        Example(x: input(i), y: Vector.oneHot(label(i), count: 10))
    }

    /// Image `i` as an evaluation example: x = scaled pixels, label = the digit.
    public func labeledExample(_ i: Int) -> LabeledExample {
        LabeledExample(x: input(i), label: label(i))
    }

    /// The images in `range` as training examples (`range` is clamped to 0..<count).
    public func examples(_ range: Range<Int>) -> [Example] {
        range.clamped(to: 0..<count).map(example)
    }

    /// The images in `range` as evaluation examples (`range` is clamped to 0..<count).
    public func labeledExamples(_ range: Range<Int>) -> [LabeledExample] {
        range.clamped(to: 0..<count).map(labeledExample)
    }

    /// The images in `range` (clamped to 0..<count) as a set of their own.
    public func subset(_ range: Range<Int>) -> MNISTSet {
        let r = range.clamped(to: 0..<count)
        let size = pixelsPerImage
        return MNISTSet(checked: rows, columns, Array(pixels[r.lowerBound * size ..< r.upperBound * size]), Array(labels[r]))
    }

    private static func checkShape(rows: Int, columns: Int, pixelCount: Int, count: Int) throws(DatasetError) {
        guard rows > 0, columns > 0 else {
            throw DatasetError(file: nil, problem: "images of \(rows) × \(columns) pixels have no pixels")
        }
        let (size, overflow) = rows.multipliedReportingOverflow(by: columns)
        let (expected, overflow2) = size.multipliedReportingOverflow(by: count)
        guard !overflow, !overflow2, expected == pixelCount else {
            throw DatasetError(file: nil, problem: "\(pixelCount) pixels are not \(count) images of \(rows) × \(columns)")
        }
    }

    private static func checkLabels(_ labels: [UInt8]) throws(DatasetError) {
        if let bad = labels.firstIndex(where: { $0 > 9 }) {
            throw DatasetError(file: nil, problem: "label \(labels[bad]) at index \(bad) is not a digit 0–9")
        }
    }

    /// A set from parts already known to agree.
    private init(checked rows: Int, _ columns: Int, _ pixels: [UInt8], _ labels: [UInt8]) {
        self.rows = rows
        self.columns = columns
        self.pixels = pixels
        self.labels = labels
    }
}
