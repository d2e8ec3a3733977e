import Testing
import TestSupport

/// A file a tool cannot write is bad input: one line naming the file, status 2
/// (`ExitStatus.badInput`, via `reportingFileErrors`), not ArgumentParser's status 1.
@Suite("files that cannot be written", .serialized)
struct FileErrorStatusTests {
    @Test("xor --save and sigmoid-limit --plot into a missing directory exit 2 with one line", arguments: [
        ("xor", ["--epochs", "10", "--save", "/nonexistent-backproplab-dir/m.json"]),
        ("sigmoid-limit", ["--plot", "/nonexistent-backproplab-dir/s.svg"]),
    ])
    func missingDirectory(tool: String, arguments: [String]) throws {
        let run = try TestProcess.run(built: tool, arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(tool): /nonexistent-backproplab-dir/"), "\(run.stderr)")
        #expect(run.stderr.contains(": cannot be written: "))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
