import Datasets
import Foundation
@testable import SVMBaseline

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real MNIST files every test shares: `../shared/data/mnist`.
let mnistDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mnist").path

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

/// A fresh empty directory for one test's files.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("SVMBaselineTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The built `mnist` executable beside this test bundle.
let mnistExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("mnist").path

/// What a child process did.
struct ChildResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A running `mnist` child, its output going to files (no shell in between).
struct Child {
    let process: Process
    let stdoutFile: URL
    let stderrFile: URL

    init(_ arguments: [String]) throws {
        let directory = try temporaryDirectory()
        stdoutFile = directory.appendingPathComponent("stdout")
        stderrFile = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: mnistExecutable)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    /// Waits at most `timeout` seconds, then kills the child (a hung child fails the test
    /// with status 9 instead of hanging the suite).
    func wait(timeout: TimeInterval = 300) -> ChildResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return ChildResult(status: process.terminationStatus, stdout: read(stdoutFile), stderr: read(stderrFile))
    }
}

/// Runs `mnist` with `arguments` to completion (or the timeout).
func runMNIST(_ arguments: [String], timeout: TimeInterval = 300) throws -> ChildResult {
    try Child(arguments).wait(timeout: timeout)
}
