import ArgumentParser
import CommandLineSupport
import Datasets
import Foundation

/// Checks MNIST data: where it is found (`--data`, `BACKPROPLAB_DATA`, the cache), that
/// every file parses and agrees with its partner, the book's split, and how long
/// loading takes. With `--idx FILE`, describes one IDX file instead.
///
/// A bad file prints one line `FILE: problem` on stderr and exits with status 2.
@main
struct MNISTData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnist-data",
        abstract: "Check the MNIST files: where they are, their shapes, the split, and the load time."
    )

    @OptionGroup var directory: MNISTDirectoryOption

    @Option(help: "Describe this one IDX file (plain or .gz) instead.")
    var idx: String?

    mutating func run() throws {
        do {
            if let idx {
                try describe(idx)
            } else {
                try check()
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.badInput
        }
    }

    private func describe(_ path: String) throws(DatasetError) {
        let file = try IDXFile.load(path: path)
        print("\(path): IDX, unsigned bytes, dimensions \(file.dimensions.map(String.init).joined(separator: " × ")), \(file.data.count) data bytes")
    }

    private func check() throws(DatasetError) {
        let location = try DataLocation.locate(flag: directory.data)
        print("data: \(location.directory) (chosen by \(location.source.rawValue))")
        let loadStart = Stopwatch()
        let mnist = try MNIST.load(directory: location.directory)
        let loadTime = loadStart.reading()
        for (name, set) in [("training file", mnist.trainingSet), ("test file", mnist.testSet)] {
            print("\(name): \(set.count) images of \(set.rows) × \(set.columns)")
        }
        let buildStart = Stopwatch()
        let (training, validation, test) = (mnist.training, mnist.validation, mnist.test)
        let buildTime = buildStart.reading()
        print("split: \(training.count) training, \(validation.count) validation, \(test.count) test")
        print("read, decompress and check the four files: \(loadTime)")
        print("build the examples (pixels ÷ 255, one-hot y): \(buildTime)")
    }
}
