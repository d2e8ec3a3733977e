import Datasets
import Foundation
import TestSupport
@testable import SVMBaseline

/// The real MNIST files every test shares: `../shared/data/mnist`.
let mnistDirectory = PackagePaths.sharedMNIST.path

/// Real MNIST, loaded once per test process.
let realMNIST: Result<MNIST, DatasetError> = Result { () throws(DatasetError) in try MNIST.load(directory: mnistDirectory) }

/// A model trained on the first 400 training images, and the first 1,000 test images:
/// a fraction of a second of LIBSVM (it is a release-built system library).
struct SmallRun: Sendable {
    let model: SVMModel
    let test: SparseDigits

    static let shared: Result<SmallRun, any Error> = Result {
        let mnist = try realMNIST.get()
        let digits = SparseDigits.groupedByDigit(mnist.trainingSet, range: 0..<400)
        guard let model = try SVMModel.train(digits, parameters: .book) else { throw CocoaError(.userCancelled) }
        return SmallRun(model: model, test: SparseDigits(mnist.testSet, indices: Array(0..<1_000)))
    }
}

/// A model of the first 60 training images (about 60 support vectors, a 100 kB file):
/// small enough that the model-file tests parse it hundreds of times in a debug build.
let tinyModel: Result<SVMModel, any Error> = Result {
    let digits = SparseDigits.groupedByDigit(try realMNIST.get().trainingSet, range: 0..<60)
    guard let model = try SVMModel.train(digits, parameters: .book) else { throw CocoaError(.userCancelled) }
    return model
}

/// Runs the built `mnist` with `arguments` to completion (TestSupport's runner: both
/// pipes read as it runs; killed with its process group past `timeout`).
func runMNIST(_ arguments: [String], timeout: Duration = .seconds(300)) throws -> ChildResult {
    try TestProcess.run(built: "mnist", arguments, timeout: timeout)
}
