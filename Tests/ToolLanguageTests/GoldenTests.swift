import Foundation
import Testing

/// The Chinese text of the first chapter-1 commands, pinned word for word. After a
/// deliberate change to the text, regenerate with
/// `BACKPROPLAB_UPDATE_GOLDEN=1 swift test --filter ToolLanguageTests` and review the diff.
@Suite struct GoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The golden file `name`, written from `actual` first when BACKPROPLAB_UPDATE_GOLDEN=1.
    static func golden(_ name: String, actual: String) throws -> String {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BACKPROPLAB_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test(arguments: [
        ("perceptrons-nand.zh-Hans.txt", ToolCase("perceptrons", ["nand"])),
        ("sigmoid-limit.zh-Hans.txt", ToolCase("sigmoid-limit")),
        ("xor.zh-Hans.txt", ToolCase("xor")),
    ])
    func chineseOutputMatchesTheGoldenFile(_ name: String, _ command: ToolCase) throws {
        let run = try ToolProcess.run(command.tool, command.arguments + ["--lang", "zh-Hans"])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try Self.golden(name, actual: run.stdout)
        #expect(run.stdout == expected)
        #expect(try OutputChecks.glossary().aliasUses(in: expected).isEmpty)
    }
}
