import TestSupport
import Testing

/// The shared training flags on the real executables: the old spellings still work,
/// and a flag's default gives the same run as leaving it out.
@Suite("Training flags on the built tools")
struct TrainingFlagsCommandTests {
    @Test("deep-gradients: --mini-batch-size/--initializer (hidden, old) run exactly like --batch/--init")
    func oldSpellings() throws {
        let common = ["--sizes", "784,10,10,10", "--train", "30", "--test", "10", "--epochs", "1"]
        let new = try TestProcess.run(built: "deep-gradients", common + ["--batch", "5", "--init", "large"], timeout: .seconds(120))
        let old = try TestProcess.run(built: "deep-gradients", common + ["--mini-batch-size", "5", "--initializer", "large"],
                                      timeout: .seconds(120))
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains("large initial weights") && new.stdout.contains("mini-batch 5"))
        #expect(old == new)
    }

    @Test("xor: --batch 4 and --lambda 0 are the defaults; a flag a tool does not take is refused")
    func defaultsAndRefusals() throws {
        let plain = try TestProcess.run(built: "xor", ["--epochs", "50"], timeout: .seconds(60))
        let spelled = try TestProcess.run(built: "xor", ["--epochs", "50", "--batch", "4", "--lambda", "0", "--init", "large"],
                                          timeout: .seconds(60))
        #expect(plain.status == 0 && plain == spelled)
        let small = try TestProcess.run(built: "xor", ["--epochs", "50", "--batch", "2", "--lambda", "0.5"], timeout: .seconds(60))
        #expect(small.status == 0 && small.stdout.contains("λ = 0.5, mini-batch 2"))
        let refused = try TestProcess.run(built: "gradient-descent", ["batches", "--lambda", "1"], timeout: .seconds(60))
        #expect(refused.status == 64 && refused.stderr.hasPrefix("Error: --lambda does not apply to this command"))
    }
}
