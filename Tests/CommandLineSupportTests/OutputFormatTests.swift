import ArgumentParser
import Testing
@testable import CommandLineSupport

@Suite("--format and range checks")
struct OutputFormatTests {
    struct Sample: Encodable {
        var zebra = 1
        var apple = [0.5]
    }

    @Test("JSON is pretty-printed with keys in declaration order")
    func json() throws {
        let text = try OutputFormat.json(Sample())
        #expect(text == "{\n  \"zebra\": 1,\n  \"apple\": [0.5]\n}")
    }

    @Test("--format json writes NaN and ±∞ as the documented strings (what FormatOption prints)")
    func nonFinite() throws {
        let text = try OutputFormat.json([Double.nan, .infinity, -.infinity, 0.1])
        #expect(text == #"["NaN", "Infinity", "-Infinity", 0.1]"#)
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
