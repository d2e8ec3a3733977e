import Foundation

/// Where things are, found from this file's path (`Tests/TestSupport/PackagePaths.swift`).
public enum PackagePaths {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The real MNIST files every test and benchmark shares: `../shared/data/mnist`
    /// beside the package (it may be absent; tests that need it say so).
    public static let sharedMNIST = root.deletingLastPathComponent().appendingPathComponent("shared/data/mnist")

    /// `sharedMNIST`'s path if the MNIST files are there, else nil.
    public static var sharedMNISTIfPresent: String? {
        FileManager.default.fileExists(atPath: sharedMNIST.appendingPathComponent("train-images-idx3-ubyte.gz").path)
            ? sharedMNIST.path : nil
    }
}
