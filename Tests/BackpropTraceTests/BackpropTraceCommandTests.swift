import BackpropEngine
import Foundation
import Testing
@testable import BackpropTrace

@Suite("backprop-trace, the built executable")
struct BackpropTraceCommandTests {
    @Test("the default text trace matches the golden file (no colour when stdout is a pipe)")
    func defaultText() throws {
        let result = try TraceExecutable.run([])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains(", passed (every entry within"))
        let golden = try TraceExecutable.golden("default.txt", actual: result.stdout)
        #expect(TraceExecutable.maskingCheck(result.stdout) == TraceExecutable.maskingCheck(golden))
    }

    @Test("the default --ascii trace matches the golden file and is plain ASCII")
    func defaultASCII() throws {
        let result = try TraceExecutable.run(["--ascii"])
        #expect(result.status == 0)
        #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        let golden = try TraceExecutable.golden("default-ascii.txt", actual: result.stdout)
        #expect(TraceExecutable.maskingCheck(result.stdout) == TraceExecutable.maskingCheck(golden))
    }

    @Test("the default JSON matches the golden file and reads back to the engine's Doubles")
    func defaultJSON() throws {
        let result = try TraceExecutable.run(["--format", "json"])
        #expect(result.status == 0)
        let golden = try TraceExecutable.golden("default.json", actual: result.stdout)
        #expect(TraceExecutable.maskingCheck(result.stdout) == TraceExecutable.maskingCheck(golden))

        let json = try TraceJSON(result.stdout)
        #expect(json.sizes == [2, 3, 1])
        #expect(json.cost == "quadratic")
        #expect(json.seed == 1)
        let trace = try TraceRequest().makeTrace().example
        #expect(json.cost_value == trace.cost)
        #expect(json.gradient_check.max_relative_error < 1e-6)
        #expect(json.gradient_check.passed)
        #expect(json.layers.map(\.layer) == [2, 3])
        for layer in json.layers {
            let l = layer.layer
            #expect(layer.z == trace.z(l).elements)
            #expect(layer.a == trace.a(l).elements)
            #expect(layer.delta == trace.delta(l).elements)
            #expect(layer.nabla_b == trace.nablaB(l).elements)
            #expect(layer.nabla_w == trace.nablaW(l).rowList)
        }
    }

    @Test("--step with standard input not a terminal prints the same trace and no prompt")
    func stepWithoutTerminal() throws {
        let stepped = try TraceExecutable.run(["--step"])
        let plain = try TraceExecutable.run([])
        #expect(stepped.status == 0)
        #expect(stepped.stdout == plain.stdout)
        #expect(stepped.stderr.isEmpty)
    }

    @Test("an input of the wrong length is one clear error and a non-zero exit")
    func inputLength() throws {
        let result = try TraceExecutable.run(["--input", "1,2,3"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--input 1.0,2.0,3.0 has 3 numbers but the network has 2 inputs"))
    }

    @Test("a target of the wrong length, and unpaired inputs, are clear errors")
    func targetLength() throws {
        let wrong = try TraceExecutable.run(["--input", "1,2", "--target", "0,1"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("--target 0.0,1.0 has 2 numbers but the network has 1 output (sizes 2,3,1)"))
        let unpaired = try TraceExecutable.run(["--input", "1,2", "--input", "0,1", "--target", "1"])
        #expect(unpaired.status != 0)
        #expect(unpaired.stderr.contains("got 2 --input and 1 --target"))
    }

    @Test("a missing model file is one line on stderr and exit status 2")
    func missingModel() throws {
        let result = try TraceExecutable.run(["--model", "/nonexistent/model.json"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("backprop-trace: /nonexistent/model.json"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test("every format runs; markdown and LaTeX are well formed", arguments: ["markdown", "latex"])
    func formats(format: String) throws {
        let result = try TraceExecutable.run(["--format", format, "--batch", "2"])
        #expect(result.status == 0)
        if format == "markdown" {
            #expect(result.stdout.components(separatedBy: "```").count % 2 == 1)
        } else {
            #expect(result.stdout.components(separatedBy: "\\begin{frame}").count == result.stdout.components(separatedBy: "\\end{frame}").count)
            #expect(result.stdout.hasSuffix("\\end{document}\n"))
        }
    }
}
