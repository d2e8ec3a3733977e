import Datasets
import Foundation
import Testing
import Zlib
import TestSupport

/// A small synthetic MNIST-like set: `count` images of `rows` × `columns`, pixel
/// values and labels following a simple pattern.
enum Synthetic {
    static func images(count: Int, rows: Int = 4, columns: Int = 3) -> IDXFile? {
        IDXFile(dimensions: [count, rows, columns],
                data: (0..<(count * rows * columns)).map { UInt8(truncatingIfNeeded: $0 * 37) })
    }

    static func labels(count: Int) -> IDXFile? {
        IDXFile(dimensions: [count], data: (0..<count).map { UInt8($0 % 10) })
    }

    /// IDX header bytes: 0 0 type rank, then each dimension as a big-endian UInt32.
    static func header(type: UInt8 = 0x08, _ dimensions: [UInt32]) -> Data {
        var out = Data([0, 0, type, UInt8(dimensions.count)])
        for d in dimensions { out.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: d >> $0) }) }
        return out
    }

    /// Writes the four standard MNIST files (gzipped when `gzip`) for a tiny set into `directory`.
    static func writeMNIST(into directory: TemporaryDirectory, training: Int, test: Int, gzip: Bool) throws {
        let files: [(String, IDXFile?)] = [
            (MNIST.trainingImagesName, images(count: training)), (MNIST.trainingLabelsName, labels(count: training)),
            (MNIST.testImagesName, images(count: test)), (MNIST.testLabelsName, labels(count: test)),
        ]
        for (name, file) in files {
            let plain = try #require(file).encoded()
            try directory.write(gzip ? name + ".gz" : name, gzip ? Zlib.gzip(plain) : plain)
        }
    }
}
