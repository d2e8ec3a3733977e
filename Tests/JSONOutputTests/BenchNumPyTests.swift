import Foundation
import Testing
import TestSupport

/// bench's two NumPy rows, run for real (python3 with NumPy, as `.ci/run` installs it):
/// `Benchmarks/numpy_reference.py` in its vectorised form and in network.py's
/// per-example form, one epoch each on the first 1000 images, read back from
/// `--format json`. No timing is judged, only that both ran and learned alike.
@Suite("bench's NumPy reference")
struct BenchNumPyTests {
    @Test("both forms of the NumPy reference run and score alike after an epoch")
    func bothForms() throws {
        let script = PackagePaths.root.appendingPathComponent("Benchmarks/numpy_reference.py").path
        let run = try TestProcess.run(built: "bench", [
            "--data", PackagePaths.sharedMNIST.path, "--limit", "1000", "--sizes", "784,30,10", "--fast-precision", "double",
            "--epochs-fast", "1", "--epochs-textbook", "0", "--epochs-numpy", "1", "--epochs-numpy-per-example", "1",
            "--numpy-script", script, "--full-epochs", "0", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["engine"] as? String } == ["fast", "fast dense", "numpy", "numpy per example"])
        let numpy = rows.filter { ($0["engine"] as? String)?.hasPrefix("numpy") == true }
        for row in numpy {
            #expect(row["skipped"] is NSNull, "\(row)")
            #expect((row["seconds"] as? Double).map { $0 > 0 } == true, "\(row)")
        }
        // The same weights and order of examples from the seed, the same sums in another
        // order: the scores after one epoch agree to within a few of 10,000 images.
        let scores = numpy.compactMap { $0["correctAfterFirstEpoch"] as? Int }
        try #require(scores.count == 2, "\(numpy)")
        #expect(scores[0] > 2000, "an epoch on 1000 images learns (chance is 1000): \(scores[0]) / 10000")
        #expect(abs(scores[0] - scores[1]) <= 5, "\(scores)")
    }
}
