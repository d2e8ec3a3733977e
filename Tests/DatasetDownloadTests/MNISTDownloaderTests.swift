import DatasetDownload
import Datasets
import Foundation
import Testing
import Zlib
import TestSupport

/// Runs `body` with a loopback server serving `root`, always stopping it.
func withServer(root: String, _ body: (LoopbackServer) async throws -> Void) async throws {
    guard let server = try LoopbackServer(root: root) else {
        Issue.record("python3 could not start a loopback HTTP server")
        return
    }
    defer { server.stop() }
    try await body(server)
}

/// Runs `body` with a synthetic mirror, an empty target directory and a server for the
/// mirror, removing both directories and stopping the server afterwards.
func withSyntheticMirror(_ body: (SyntheticMirror, TemporaryDirectory, LoopbackServer) async throws -> Void) async throws {
    let mirror = try SyntheticMirror()
    let target = try TemporaryDirectory()
    defer { mirror.root.remove(); target.remove() }
    try await withServer(root: mirror.root.path) { server in try await body(mirror, target, server) }
}

/// A temporary directory with two tiny gzipped IDX files, and their download entries.
struct SyntheticMirror {
    let root: TemporaryDirectory
    let files: [MNISTDownloader.File]

    init() throws {
        root = try TemporaryDirectory()
        var files: [MNISTDownloader.File] = []
        for (name, count) in [("tiny-images-idx3-ubyte", 300), ("tiny-labels-idx1-ubyte", 3)] {
            let file = try #require(name.contains("images")
                ? IDXFile(dimensions: [count / 100, 10, 10], data: (0..<count).map { UInt8($0 % 251) })
                : IDXFile(dimensions: [count], data: [1, 2, 3]))
            let plain = file.encoded()
            try root.write(name + ".gz", Zlib.gzip(plain))
            files.append(MNISTDownloader.File(name: name, sha256: MNISTDownloader.sha256Hex(plain)))
        }
        self.files = files
    }
}

/// A thread-safe list of log lines.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var lines: [String] { lock.withLock { storage } }
    func append(_ line: String) { lock.withLock { storage.append(line) } }
}

@Suite("Download from mirrors, against a loopback HTTP server")
struct MNISTDownloaderTests {
    func downloader(_ server: LoopbackServer, _ prefixes: [String], files: [MNISTDownloader.File]) -> MNISTDownloader {
        MNISTDownloader(mirrors: prefixes.map { "\(server.base)/\($0)/" }, attempts: 2, timeout: 2, retryDelay: 0, files: files)
    }

    @Test("the real MNIST files download and verify against the published SHA-256s",
          .enabled(if: realMNIST != nil,
                   "real MNIST not found at ../shared/data/mnist; skipped"))
    func realFiles() async throws {
        let source = try #require(realMNIST)
        let target = try TemporaryDirectory()
        defer { target.remove() }
        try await withServer(root: source) { server in
            let log = LogLines()
            let paths = try await downloader(server, ["good"], files: MNISTDownloader.mnistFiles)
                .download(into: target.path) { log.append($0) }
            #expect(paths == MNIST.fileNames.map { target.file($0 + ".gz") })
            #expect(target.contents() == MNIST.fileNames.map { $0 + ".gz" }.sorted())
            let mnist = try MNIST.load(directory: target.path)
            #expect(mnist.trainingSet.count == 60_000 && mnist.testSet.count == 10_000)
            #expect(log.lines.filter { $0.contains("SHA-256 verified") }.count == 4)

            // A second run finds them present and fetches nothing.
            let again = LogLines()
            try await downloader(server, ["good"], files: MNISTDownloader.mnistFiles)
                .download(into: target.path) { again.append($0) }
            #expect(again.lines.allSatisfy { $0.hasSuffix("already present, SHA-256 verified") })
        }
    }

    @Test("a checksum failure writes nothing and says which mirror and hash")
    func checksumFailure() async throws {
        try await withSyntheticMirror { mirror, target, server in
            let error = try await #require(throws: DownloadError.self) {
                try await downloader(server, ["corrupt"], files: mirror.files).download(into: target.path)
            }
            #expect(error.kind == .network)
            #expect(error.error.file == target.file("tiny-images-idx3-ubyte.gz"))
            #expect(error.problem.hasPrefix("could not be downloaded: \(server.base)/corrupt/tiny-images-idx3-ubyte.gz: SHA-256 of the content is "))
            #expect(error.problem.contains("expected \(mirror.files[0].sha256)"))
            #expect(target.contents().isEmpty)
        }
    }

    @Test("an interrupted transfer leaves no partial file, after retrying")
    func interrupted() async throws {
        try await withSyntheticMirror { mirror, target, server in
            let log = LogLines()
            let error = try await #require(throws: DownloadError.self) {
                try await downloader(server, ["cut"], files: mirror.files).download(into: target.path) { log.append($0) }
            }
            #expect(error.kind == .network)
            #expect(error.error.file == target.file("tiny-images-idx3-ubyte.gz"))
            #expect(error.problem.hasPrefix("could not be downloaded: \(server.base)/cut/tiny-images-idx3-ubyte.gz: transfer "))
            #expect(log.lines.contains { $0.contains("(try 2 of 2)") })
            #expect(target.contents().isEmpty)  // no partial file, no temporary file
        }
    }

    @Test("the next mirror is tried after a 404, a cut transfer or a bad checksum; 503 is retried; stale temporary files go")
    func fallback() async throws {
        try await withSyntheticMirror { mirror, target, server in
            // A temporary file left by a run killed mid-write is cleaned up.
            try target.write(".tiny-images-idx3-ubyte.gz.999.tmp", Data("partial".utf8))
            let log = LogLines()
            try await downloader(server, ["missing", "cut", "corrupt", "flaky"], files: mirror.files)
                .download(into: target.path) { log.append($0) }
            #expect(target.contents() == ["tiny-images-idx3-ubyte.gz", "tiny-labels-idx1-ubyte.gz"])
            #expect(log.lines.contains { $0.hasSuffix("HTTP status 404") })
            #expect(log.lines.contains { $0.hasSuffix("HTTP status 503") })
            #expect(try IDXFile.load(path: target.file("tiny-labels-idx1-ubyte.gz")).data == [1, 2, 3])
        }
    }

    @Test("a silent server times out; an existing good file is kept and a bad one is not replaced by nothing")
    func timeoutKeepsFiles() async throws {
        try await withSyntheticMirror { mirror, target, server in
            // The labels are already there (plain, verified); the images are there but wrong.
            try target.write("tiny-labels-idx1-ubyte", Zlib.gunzip(Data(contentsOf: URL(fileURLWithPath: mirror.root.file("tiny-labels-idx1-ubyte.gz")))))
            try target.write("tiny-images-idx3-ubyte.gz", Data("old".utf8))
            var slow = downloader(server, ["slow"], files: mirror.files)
            slow.attempts = 1
            slow.timeout = 1
            let error = try await #require(throws: DownloadError.self) { try await slow.download(into: target.path) }
            // The server stays silent for 30 s and then closes the connection, which would be
            // a different error; "timed out" shows the 1 s timeout cut the transfer. No
            // wall-clock bound: tests that wait on child processes can starve this one.
            #expect(error.problem.hasSuffix("/slow/tiny-images-idx3-ubyte.gz: transfer failed: timed out"))
            #expect(error.kind == .network)
            #expect(target.contents() == ["tiny-images-idx3-ubyte.gz", "tiny-labels-idx1-ubyte"])
            #expect(try Data(contentsOf: URL(fileURLWithPath: target.file("tiny-images-idx3-ubyte.gz"))) == Data("old".utf8))
        }
    }

    @Test("mirrors must be https, except on loopback")
    func mirrorsMustBeHTTPS() async throws {
        let target = try TemporaryDirectory()
        defer { target.remove() }
        let error = try await #require(throws: DownloadError.self) {
            try await MNISTDownloader(mirrors: ["http://example.com/mnist/"]).download(into: target.path)
        }
        #expect(error.problem.contains("must be an https:// URL"))
        #expect(error.kind == .mirror)
        let none = try await #require(throws: DownloadError.self) { try await MNISTDownloader(mirrors: []).download(into: target.path) }
        #expect(none.kind == .mirror)
        #expect(MNISTDownloader.defaultMirrors.allSatisfy { $0.hasPrefix("https://") })
    }
}
