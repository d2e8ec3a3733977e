import ArgumentParser
import Testing
@testable import CommandLineSupport

@Suite("--format and range checks")
struct OutputFormatTests {
    struct Sample: Encodable {
        var zebra = 1
        var apple = [0.5]
    }

    @Test("JSON is pretty-printed with sorted keys")
    func json() throws {
        let text = try OutputFormat.json(Sample())
        #expect(text == "{\n  \"apple\" : [\n    0.5\n  ],\n  \"zebra\" : 1\n}")
    }

    @Test("non-finite numbers are an error, not a crash")
    func nan() {
        #expect(throws: (any Error).self) { try OutputFormat.json([Double.nan]) }
    }

    @Test("--format parses text and json only")
    func parse() {
        #expect(OutputFormat(argument: "json") == .json)
        #expect(OutputFormat(argument: "xml") == nil)
    }

    @Test("counts outside the range name the flag", arguments: [0, 33, Int.max, Int.min])
    func within(value: Int) {
        #expect {
            try requireWithin(value, 1...32, "--bits")
        } throws: { error in
            "\(error)".contains("--bits must be 1 to 32")
        }
        #expect(throws: Never.self) { try requireWithin(32, 1...32, "--bits") }
    }
}
