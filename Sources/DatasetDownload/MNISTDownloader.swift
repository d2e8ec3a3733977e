import BackpropEngine
import Crypto
import Datasets
import Files
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Zlib

/// Fetches the four MNIST files from a list of mirrors into a data directory.
///
/// For each file (`NAME.gz` under each mirror's base URL, e.g.
/// `https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz`):
///
/// 1. If the directory already holds `NAME` or `NAME.gz` whose decompressed content
///    has the expected SHA-256, it is kept and nothing is fetched.
/// 2. Otherwise each mirror is tried in turn, each up to `attempts` times (waiting
///    `retryDelay`·attempt seconds between tries) for network errors, timeouts and
///    HTTP errors. A body shorter than its Content-Length, or whose decompressed
///    content has the wrong SHA-256, fails that mirror.
/// 3. The verified `.gz` bytes are written atomically (a temporary file, then a
///    rename): the directory never holds a partial or unverified file. If every
///    mirror fails, nothing is written and the error names the file and each
///    mirror's reason. Temporary files left by a run killed mid-write are removed.
///
/// Mirrors must be `https` URLs; plain `http` is accepted only for `127.0.0.1`
/// and `localhost` (a local test server).
public struct MNISTDownloader: Sendable {
    /// One file to fetch: its standard name (without `.gz`) and the SHA-256 of its
    /// decompressed content, as lowercase hex.
    public struct File: Sendable, Equatable {
        public var name: String
        public var sha256: String

        public init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    /// The original MNIST files and the SHA-256 of their decompressed content.
    public static let mnistFiles = [
        File(name: MNIST.trainingImagesName, sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        File(name: MNIST.trainingLabelsName, sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        File(name: MNIST.testImagesName, sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        File(name: MNIST.testLabelsName, sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
    ]

    /// Public mirrors of the original gzipped files (those PyTorch's and TensorFlow's
    /// dataset loaders use), tried in this order.
    public static let defaultMirrors = [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ]

    /// Base URLs, tried in order; each file is fetched as `base + NAME.gz`.
    public var mirrors: [String]
    /// Tries per mirror and file (at least 1).
    public var attempts: Int
    /// Seconds without data after which a request fails ("timed out").
    public var timeout: Double
    /// Seconds a whole file may take.
    public var resourceTimeout: Double
    /// Seconds to wait before the second try (twice that before the third, …).
    public var retryDelay: Double
    /// The files to fetch.
    public var files: [File]

    public init(
        mirrors: [String] = MNISTDownloader.defaultMirrors,
        attempts: Int = 3,
        timeout: Double = 30,
        resourceTimeout: Double = 600,
        retryDelay: Double = 1,
        files: [File] = MNISTDownloader.mnistFiles
    ) {
        self.mirrors = mirrors
        self.attempts = attempts
        self.timeout = timeout
        self.resourceTimeout = resourceTimeout
        self.retryDelay = retryDelay
        self.files = files
    }

    /// Downloads every file not already present and verified into `directory`
    /// (created if needed), reporting progress through `log`, one line per event.
    ///
    /// - Returns: the paths of the files now in `directory`, in `files` order.
    /// - Throws: `DownloadError`: `.mirror` for a mirror URL that is not acceptable,
    ///   `.network` naming the file no mirror delivered intact, `.file` naming the
    ///   directory or file that could not be created or written.
    @discardableResult
    public func download(into directory: String, log: @Sendable (String) -> Void = { _ in }) async throws(DownloadError) -> [String] {
        let bases: [URL]
        do {
            bases = try mirrors.map { mirror throws(DatasetError) in try Self.checkedBase(mirror) }
        } catch {
            throw DownloadError(.mirror, error)
        }
        guard !bases.isEmpty else { throw DownloadError(.mirror, DatasetError(file: nil, problem: "no mirror to download from")) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DownloadError(.file, DatasetError(file: directory, problem: "cannot create the data directory: \(error.localizedDescription)"))
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = resourceTimeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        var written: [String] = []
        for file in files {
            removeStaleTemporaryFiles(of: file, in: directory)
            if let present = verifiedCopy(of: file, in: directory) {
                log("\(present): already present, SHA-256 verified")
                written.append(present)
                continue
            }
            let destination = URL(fileURLWithPath: directory).appendingPathComponent(file.name + ".gz").path
            let bytes: Data
            do {
                bytes = try await fetch(file, from: bases, session: session, destination: destination, log: log)
            } catch {
                throw DownloadError(.network, error)
            }
            do {
                try AtomicFile.write(bytes, to: destination)
            } catch {
                throw DownloadError(.file, DatasetError(file: destination, problem: error.problem))
            }
            log("\(destination): downloaded \(bytes.count) bytes, SHA-256 verified")
            written.append(destination)
        }
        return written
    }

    /// The verified bytes of `file` from the first mirror that delivers them.
    private func fetch(_ file: File, from bases: [URL], session: URLSession, destination: String,
                       log: @Sendable (String) -> Void) async throws(DatasetError) -> Data {
        var reasons: [String] = []
        for base in bases {
            let url = base.appendingPathComponent(file.name + ".gz")
            for attempt in 1...max(1, attempts) {
                if attempt > 1 {
                    try? await Task.sleep(nanoseconds: UInt64(max(0, retryDelay) * Double(attempt - 1) * 1e9))
                }
                log("\(url.absoluteString): fetching (try \(attempt) of \(max(1, attempts)))")
                let outcome = await Self.get(url, session: session)
                switch outcome {
                case .success(let data):
                    if let problem = Self.verify(data, sha256: file.sha256) {
                        reasons.append("\(url.absoluteString): \(problem)")
                        log("\(url.absoluteString): \(problem)")
                    } else {
                        return data
                    }
                case .failure(let failure):
                    log("\(url.absoluteString): \(failure.reason)")
                    if failure.retryable && attempt < max(1, attempts) { continue }
                    reasons.append("\(url.absoluteString): \(failure.reason)")
                }
                break  // a wrong checksum or a final failure: on to the next mirror
            }
        }
        throw DatasetError(file: destination, problem: "could not be downloaded: " + reasons.joined(separator: "; "))
    }

    /// Why a request failed, and whether trying again may help.
    struct Failure: Error {
        var reason: String
        var retryable: Bool
    }

    /// The complete body of a 200 response to GET `url`.
    static func get(_ url: URL, session: URLSession) async -> Result<Data, Failure> {
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(from: url)
        } catch {
            return .failure(Failure(reason: "transfer failed: \(describe(error))", retryable: true))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(Failure(reason: "not an HTTP response", retryable: false))
        }
        guard http.statusCode == 200 else {
            // 404 and friends will not change on retry; 5xx (and 429) may.
            let retryable = http.statusCode >= 500 || http.statusCode == 429
            return .failure(Failure(reason: "HTTP status \(http.statusCode)", retryable: retryable))
        }
        let expected = response.expectedContentLength
        guard expected < 0 || Int64(data.count) == expected else {
            return .failure(Failure(reason: "transfer interrupted: \(data.count) of \(expected) bytes", retryable: true))
        }
        return .success(data)
    }

    /// A network error in words (Foundation on Linux often gives only a code).
    static func describe(_ error: Error) -> String {
        guard let error = error as? URLError else { return error.localizedDescription }
        switch error.code {
        case .timedOut: return "timed out"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .cannotConnectToHost: return "cannot connect to the server"
        case .notConnectedToInternet: return "no network connection"
        case .networkConnectionLost: return "the connection was lost"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            return "secure connection failed (\(error.localizedDescription))"
        default:
            let text = error.localizedDescription
            return text.contains("could not be completed") ? "network error \(error.code.rawValue)" : text
        }
    }

    /// Nil if `data` (gzip or plain) decompresses to content with SHA-256 `sha256`,
    /// else the problem.
    static func verify(_ data: Data, sha256 expected: String) -> String? {
        let content: Data
        do {
            content = Zlib.isGzip(data) ? try Zlib.gunzip(data) : data
        } catch {
            return "not a valid gzip file: \(error.description)"
        }
        let actual = sha256Hex(content)
        return actual == expected.lowercased() ? nil : "SHA-256 of the content is \(actual), expected \(expected)"
    }

    /// The SHA-256 of `data` as lowercase hex.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Removes `.NAME.gz.PID.tmp` files that an earlier run killed mid-write left behind
    /// (the names `AtomicFile.write` uses).
    private func removeStaleTemporaryFiles(of file: File, in directory: String) {
        let prefix = ".\(file.name).gz."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
        }
    }

    /// The path of `file` in `directory` (plain or `.gz`) if one is there and verifies.
    private func verifiedCopy(of file: File, in directory: String) -> String? {
        for name in [file.name, file.name + ".gz"] {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            if let data = FileManager.default.contents(atPath: path), Self.verify(data, sha256: file.sha256) == nil {
                return path
            }
        }
        return nil
    }

    /// `mirror` as a base URL ending in "/", if it is https (or http on loopback).
    static func checkedBase(_ mirror: String) throws(DatasetError) -> URL {
        let text = mirror.hasSuffix("/") ? mirror : mirror + "/"
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host else {
            throw DatasetError(file: nil, problem: "mirror \"\(mirror)\" is not a URL")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw DatasetError(file: nil, problem: "mirror \"\(mirror)\" must be an https:// URL (plain http only for 127.0.0.1 or localhost)")
        }
        return url
    }
}
