import Foundation
import TestSupport
import Testing

/// Every tool's `--help` (and each subcommand's), as a user sees it from the built
/// executable, pinned by a golden file in `Golden/`. A flag renamed, removed or
/// reworded shows up here; after a deliberate change run the tests with
/// `BACKPROPLAB_UPDATE_GOLDEN=1` and review the diff.
@Suite("--help of every tool matches its golden file")
struct HelpGoldenTests {
    /// Each command line whose help is pinned: the tool, then its subcommand if any.
    static let commands: [[String]] = [
        ["xor"],
        ["perceptrons"], ["perceptrons", "tour"], ["perceptrons", "nand"], ["perceptrons", "adder"], ["perceptrons", "ripple"],
        ["perceptrons", "scaling"], ["perceptrons", "four-bit"],
        ["sigmoid-limit"],
        ["backprop-trace"],
        ["gradcheck"],
        ["backprop-server"],
        ["mnist"], ["mnist", "train"], ["mnist", "evaluate"], ["mnist", "baselines"], ["mnist", "download"],
        ["mnist-data"],
        ["gradient-descent"], ["gradient-descent", "bowl"], ["gradient-descent", "batches"],
        ["deep-gradients"],
        ["bench"],
        ["lessons"], ["lessons", "list"], ["lessons", "run"], ["lessons", "glossary"],
    ]

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The help is wrapped to the terminal's width; a fixed COLUMNS makes it the same everywhere.
    static let environment = TestProcess.environment(["COLUMNS": "100", "LINES": "50", "NO_COLOR": "1"])

    @Test("--help", arguments: commands)
    func help(command: [String]) throws {
        let result = try TestProcess.run(built: command[0], Array(command.dropFirst()) + ["--help"],
                                         environment: Self.environment, timeout: .seconds(60))
        #expect(result.status == 0, "\(command): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(command): \(result.stderr)")
        #expect(result.stdout.contains("USAGE:"))
        let golden = try Golden.text(command.joined(separator: "-") + ".txt", in: Self.goldenDirectory, actual: result.stdout)
        // Each subcommand the help lists has its own golden help.
        if let listed = result.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first {
            let names = listed.split(separator: "\n").prefix { !$0.isEmpty }
                .compactMap { $0.wholeMatch(of: /\ \ ([a-z0-9-]+)( \(default\))?( .*)?/)?.1 }
            #expect(!names.isEmpty)
            for name in names { #expect(Self.commands.contains(command + [String(name)]), "\(command) \(name) --help is not pinned") }
        }
        #expect(result.stdout == golden, "\(command.joined(separator: " ")) --help differs from Golden/\(command.joined(separator: "-")).txt; if the change is deliberate, rerun with \(Golden.updateVariable)=1")
    }

    @Test("every executable product has its --help pinned")
    func everyToolCovered() throws {
        let manifest = try String(contentsOf: PackagePaths.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        // The tools table: `("name", tool(...`.
        let tools = manifest.matches(of: /\("([a-z-]+)", tool\(/).map { String($0.1) }
        #expect(!tools.isEmpty)
        #expect(Set(tools) == Set(Self.commands.map { $0[0] }))
    }
}
