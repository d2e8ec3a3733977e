import ArgumentParser
import CommandLineSupport
import DatasetDownload
import Datasets
import Rendering

/// `mnist download`: fetch the four MNIST files, verified by SHA-256, written atomically.
struct Download: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Download the four MNIST files into the data directory (verified by SHA-256, written atomically)."
    )

    @Option(help: "Directory to download into; default: $BACKPROPLAB_DATA, else ~/.cache/backproplab/mnist.")
    var data: String?

    @Option(name: .customLong("mirror"), help: "Base URL of a mirror (repeat for several, tried in order); default: the two standard mirrors.")
    var mirrors: [String] = []

    @Option(help: "Tries per mirror and file.")
    var attempts = 3

    @Option(help: "Seconds without data before a request is given up.")
    var timeout = 30.0

    func validate() throws {
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1, got \(attempts)") }
        guard timeout.isFinite, timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
    }

    func run() async throws {
        let location = DataLocation.resolve(flag: data)
        let downloader = MNISTDownloader(
            mirrors: mirrors.isEmpty ? MNISTDownloader.defaultMirrors : mirrors, attempts: attempts, timeout: timeout
        )
        print("downloading MNIST into \(location.directory) (chosen by \(location.source.rawValue))")
        do {
            let paths = try await downloader.download(into: location.directory) { print($0) }
            print("ready: \(paths.count) files in \(location.directory)")
        } catch {
            Terminal.printError("mnist: \(error)")
            switch error.kind {
            case .network: throw ExitStatus.network
            case .file: throw ExitStatus.badInput
            case .mirror: throw ExitStatus.badFlag
            }
        }
    }
}
