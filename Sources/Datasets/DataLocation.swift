import Foundation

/// Where the MNIST files are, decided the way users expect:
///
/// 1. `--data DIR` on the command line, else
/// 2. the environment variable `BACKPROPLAB_DATA`, else
/// 3. the cache directory `$XDG_CACHE_HOME/backproplab/mnist`, which is
///    `~/.cache/backproplab/mnist` when `XDG_CACHE_HOME` is unset (where
///    `mnist download` puts the files by default).
///
/// An empty flag or variable counts as unset.
public struct DataLocation: Sendable, Equatable {
    /// What chose the directory.
    public enum Source: String, Sendable {
        case flag = "--data"
        case environment = "BACKPROPLAB_DATA"
        case cache = "the default cache directory"
    }

    /// The environment variable naming the data directory.
    public static let environmentVariable = "BACKPROPLAB_DATA"

    /// The data directory.
    public let directory: String
    /// What chose it.
    public let source: Source

    public init(directory: String, source: Source) {
        self.directory = directory
        self.source = source
    }

    /// The directory the rules above pick, whether or not it holds data.
    public static func resolve(
        flag: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String? = nil
    ) -> DataLocation {
        if let flag, !flag.isEmpty { return DataLocation(directory: flag, source: .flag) }
        if let value = nonEmpty(environment[environmentVariable]) {
            return DataLocation(directory: value, source: .environment)
        }
        return DataLocation(directory: cacheDirectory(environment: environment, homeDirectory: homeDirectory), source: .cache)
    }

    /// `$XDG_CACHE_HOME/backproplab/mnist`, or `HOME/.cache/backproplab/mnist`, where
    /// HOME is `homeDirectory`, else `$HOME`, else the user's home from the system.
    public static func cacheDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String? = nil
    ) -> String {
        let home = homeDirectory ?? nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        let cache = nonEmpty(environment["XDG_CACHE_HOME"]) ?? MNIST.path(home, ".cache")
        return MNIST.path(MNIST.path(cache, "backproplab"), "mnist")
    }

    /// The resolved directory, checked to hold the four MNIST files (each plain or `.gz`).
    ///
    /// - Throws: `DatasetError` with one line telling the user how to get the data when
    ///   the directory holds none of the files, or naming the first missing file.
    public static func locate(
        flag: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String? = nil
    ) throws(DatasetError) -> DataLocation {
        let location = resolve(flag: flag, environment: environment, homeDirectory: homeDirectory)
        let found = MNIST.fileNames.map { MNIST.existing($0, in: location.directory) }
        if found.allSatisfy({ $0 == nil }) {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: location.directory, isDirectory: &isDirectory)
            let what = !exists ? "no such directory" : isDirectory.boolValue ? "no MNIST files here" : "is not a directory"
            throw DatasetError(file: location.directory, problem: "\(what) (chosen by \(location.source.rawValue)); "
                + "run `mnist download` to fetch them into \(cacheDirectory(environment: environment, homeDirectory: homeDirectory)), "
                + "or pass --data DIR or set \(environmentVariable)=DIR to a directory holding "
                + MNIST.fileNames.map { $0 + "[.gz]" }.joined(separator: ", "))
        }
        for name in MNIST.fileNames {
            _ = try MNIST.locate(name, in: location.directory)
        }
        return location
    }
}

private func nonEmpty(_ text: String?) -> String? {
    text.flatMap { $0.isEmpty ? nil : $0 }
}

extension MNIST {
    /// Finds the data as `DataLocation.locate` does and loads it: the one call an
    /// executable's `--data` option needs.
    public static func load(dataFlag: String?) throws(DatasetError) -> (MNIST, DataLocation) {
        let location = try DataLocation.locate(flag: dataFlag)
        return (try load(directory: location.directory), location)
    }
}
