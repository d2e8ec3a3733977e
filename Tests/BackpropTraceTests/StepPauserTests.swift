import Testing
@testable import BackpropTrace

@Suite("StepPauser: classroom step mode")
struct StepPauserTests {
    static let chunks = [TraceChunk("a\n"), TraceChunk("eq1\n", isEquation: true), TraceChunk("eq2\n", isEquation: true), TraceChunk("end\n")]

    final class Log: @unchecked Sendable { var out = ""; var prompts = 0; var enters = 0 }

    @Test("enabled: one pause after each equation; disabled: none, same output")
    func pauses() {
        for enabled in [true, false] {
            let log = Log()
            var pauser = StepPauser(enabled: enabled, write: { log.out += $0 }, prompt: { _ in log.prompts += 1 },
                                    waitForEnter: { log.enters += 1; return true })
            pauser.run(Self.chunks)
            #expect(log.out == "a\neq1\neq2\nend\n")
            #expect(log.prompts == (enabled ? 2 : 0))
        }
    }

    @Test("end of input stops pausing")
    func endOfInput() {
        let log = Log()
        var pauser = StepPauser(enabled: true, write: { log.out += $0 }, prompt: { _ in log.prompts += 1 },
                                waitForEnter: { false })
        pauser.run(Self.chunks)
        #expect(log.prompts == 1)
        #expect(log.out == "a\neq1\neq2\nend\n")
    }
}
