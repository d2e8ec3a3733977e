import ArgumentParser
import CommandLineSupport
import Datasets
import Rendering

extension DataOptions {
    /// The four MNIST files as loaded, pixels as bytes: for tools that build their own
    /// representation (the SVM's sparse rows) instead of the network's vectors.
    ///
    /// - Throws: `ExitStatus.badInput` after printing the data error (missing, corrupt files).
    func loadMNIST() throws -> MNIST {
        do {
            return try MNIST.load(dataFlag: data).0
        } catch {
            Terminal.printError("mnist: \(error)")
            throw ExitStatus.badInput
        }
    }
}
