import ArgumentParser

/// `--data DIR`: the directory holding the four MNIST files, one spelling and one help
/// text for every tool that reads them (`mnist train`, `evaluate` and `baselines`,
/// `mnist-data`, `bench`). Without it the loaders (`MNIST.load(dataFlag:)`,
/// `DataLocation.locate(flag:)`) look in $BACKPROPLAB_DATA, then in the cache.
/// (The demos' `--data`, which falls back to a synthetic task, and `mnist download`'s,
/// a directory to fill, mean something else and keep their own help.)
public struct MNISTDirectoryOption: ParsableArguments, Sendable {
    @Option(help: "Directory holding the four MNIST files (plain or .gz); default: $BACKPROPLAB_DATA, else ~/.cache/backproplab/mnist.")
    public var data: String?

    public init() {}
}
