import Foundation
import Testing
@testable import FuzzTargets

/// Replays every saved fuzz input (crashes found once, and hand-made nasty cases)
/// through the same entry points libFuzzer drives. A trap here fails the test run.
@Suite("Fuzz regressions")
struct RegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    static func inputs(_ target: String) -> [String] {
        let dir = root.appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    @Test("every fuzz target has saved inputs, and every saved input's folder names a target")
    func folders() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path).sorted()
        #expect(folders == FuzzEntryPoints.all.keys.sorted())
        for target in folders { #expect(!Self.inputs(target).isEmpty, "\(target) has no saved inputs") }
    }

    @Test("saved inputs replay without trapping", arguments: FuzzEntryPoints.all.keys.sorted())
    func replay(target: String) throws {
        let run = try #require(FuzzEntryPoints.all[target])
        for name in Self.inputs(target) {
            run(try Data(contentsOf: Self.root.appendingPathComponent(target).appendingPathComponent(name)))
        }
    }
}
