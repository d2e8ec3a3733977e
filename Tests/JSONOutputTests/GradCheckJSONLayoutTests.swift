import Foundation
import Testing
import TestSupport

/// `gradcheck --format json` pinned by golden files, run as a user runs it: a passing
/// check of BackpropLab's backprop, a failing one (`--bug wrong-sign`) and the probing
/// suite's report on another program (`--exec`). Wall-clock times are masked; every
/// gradient, error and verdict is pinned (seed 1, the default network [2, 3, 1]).
@Suite("gradcheck --format json layouts", .serialized)
struct GradCheckJSONLayoutTests {
    @Test("gradcheck prints the pinned JSON and exits 0 when the check passes, 1 when it fails", arguments: [
        ([String](), Int32(0), "gradcheck.json"),
        (["--bug", "wrong-sign"], Int32(1), "gradcheck-wrong-sign.json"),
    ])
    func ownBackprop(arguments: [String], status: Int32, golden: String) throws {
        let run = try TestProcess.run(built: "gradcheck", arguments + ["--seed", "1", "--format", "json"])
        #expect(run.status == status, "\(run.stderr)")
        let masked = JSONGolden.masked(run.stdout)
        #expect(masked == (try JSONGolden.text(golden, actual: masked)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["passed"] as? Bool == (status == 0))
    }

    /// Run in the directory of the built executables so that the subject,
    /// `./backprop-server --bug wrong-sign`, is the same on every machine.
    @Test("gradcheck --exec prints the probing suite's pinned JSON and exits 1 for a broken program")
    func probingSuite() throws {
        let server = try BuiltExecutable.require("backprop-server")
        let run = try TestProcess.run(built: "gradcheck", ["--exec", "./backprop-server --bug wrong-sign", "--seed", "1", "--format", "json"],
                                      currentDirectory: server.deletingLastPathComponent())
        #expect(run.status == 1, "\(run.stderr)")
        let masked = JSONGolden.masked(run.stdout)
        #expect(masked == (try JSONGolden.text("gradcheck-exec-wrong-sign.json", actual: masked)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["equation"] as? String == "BP1")
    }
}
