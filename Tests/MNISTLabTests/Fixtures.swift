import BackpropEngine
import Datasets
import Foundation
import MNISTLab

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real MNIST files every test and benchmark shares: `../shared/data/mnist`.
let mnistDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mnist").path

/// Real MNIST, loaded once per test process (a few seconds in a debug build).
let realMNIST: Result<MNIST, DatasetError> = Result { () throws(DatasetError) in try MNIST.load(directory: mnistDirectory) }

/// The built `mnist` executable beside this test bundle (`swift test` builds it).
let mnistExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("mnist").path

/// A fresh empty directory for one test's files.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("MNISTLabTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

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

/// What a child process did.
struct ChildResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `mnist` executable with `arguments` to completion.
func runMNIST(_ arguments: [String]) throws -> ChildResult {
    let process = try startMNIST(arguments)
    process.process.waitUntilExit()
    return process.result()
}

/// A running `mnist` child with its output going to files.
struct RunningChild {
    var process: Process
    var stdoutFile: URL
    var stderrFile: URL

    func result() -> ChildResult {
        ChildResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        )
    }
}

/// Starts the `mnist` executable with `arguments` from the package root.
func startMNIST(_ arguments: [String]) throws -> RunningChild {
    let directory = try temporaryDirectory()
    let out = directory.appendingPathComponent("stdout")
    let err = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: mnistExecutable)
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    return RunningChild(process: process, stdoutFile: out, stderrFile: err)
}
