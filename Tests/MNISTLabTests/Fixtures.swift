import BackpropEngine
import Datasets
import Foundation
import MNISTLab
import TestSupport

/// The real MNIST files every test and benchmark shares: `../shared/data/mnist`.
let mnistDirectory = PackagePaths.sharedMNIST.path

/// Real MNIST, loaded once per test process (a few seconds in a debug build).
let realMNIST: Result<MNIST, DatasetError> = Result { () throws(DatasetError) in try MNIST.load(directory: mnistDirectory) }

/// A tiny made-up digit set: `count` images of 784 pixels whose label is which tenth of
/// the image is lit, so even a small net learns it. Deterministic.
func syntheticSplits(count: Int = 200) -> DigitSplits {
    func image(_ digit: Int, _ i: Int) -> Vector {
        Vector((0..<784).map { (p: Int) -> Double in
            guard p / 78 == digit else { return 0 }
            let shade = Double((p + i) % 3) / 2
            return 0.6 + 0.4 * shade
        })
    }
    let training = (0..<count).map { i in Example(x: image(i % 10, i), y: Vector.oneHot(i % 10, count: 10)) }
    let heldOut = (0..<50).map { i in LabeledExample(x: image(i % 10, i + 1), label: i % 10) }
    return DigitSplits(training: training, validation: heldOut, test: heldOut)
}

/// Runs the built `mnist` executable with `arguments` from the package root, to completion.
func runMNIST(_ arguments: [String]) throws -> ChildResult {
    try TestProcess.run(built: "mnist", arguments)
}

/// Starts the built `mnist` executable with `arguments` from the package root.
func startMNIST(_ arguments: [String]) throws -> RunningChild {
    try TestProcess.start(BuiltExecutable.require("mnist"), arguments)
}
