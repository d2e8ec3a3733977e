import Foundation
import JSONOutput
import Testing
import TestSupport

@Suite("the one JSON writer")
struct NodeTests {
    @Test("NaN, +∞ and −∞ are written as \"NaN\", \"Infinity\", \"-Infinity\" in both layouts")
    func nonFinite() {
        let node = Node.numbers([.nan, .infinity, -.infinity, -.nan, .signalingNaN])
        let expected = #"["NaN", "Infinity", "-Infinity", "NaN", "NaN"]"#
        #expect(node.text(.pretty) == expected)
        #expect(node.text(.compact) == expected)
    }

    @Test("the decoder reads the non-finite strings back as Doubles")
    func decoderReadsNonFinite() throws {
        let text = try Node.text(of: [Double.nan, .infinity, -.infinity, 2.5])
        let back = try Node.decoder().decode([Double].self, from: Data(text.utf8))
        #expect(back[0].isNaN)
        #expect(back[1] == .infinity && back[2] == -.infinity && back[3] == 2.5)
    }

    @Test("Python's float() reads what the writer writes for NaN and ±∞")
    func pythonReadsNonFinite() throws {
        let python = try #require(TestProcess.python3, "python3 is needed (apt-get install python3)")
        let text = Node.numbers([.nan, .infinity, -.infinity]).text()
        let script = "import json, math, sys; v = [float(s) for s in json.loads(sys.argv[1])]; "
            + "print(math.isnan(v[0]), v[1] == math.inf, v[2] == -math.inf)"
        let run = try TestProcess.run(python, ["-c", script, text], timeout: .seconds(60))
        #expect(run.status == 0, "\(run.stderr)")
        let printed = run.stdout
        #expect(printed == "True True True\n")
    }

    @Test("Doubles are written in shortest round-trip form and read back bit for bit",
          arguments: [0.1, 1.0, -0.0, 1e-5, 1e300, .leastNonzeroMagnitude, .pi, 0.1 + 0.2, -2.2250738585072014e-308])
    func shortestRoundTrip(value: Double) throws {
        let text = Node.number(value).text()
        #expect(text == value.description)
        let back = try JSONDecoder().decode(Double.self, from: Data(text.utf8))
        #expect(back.bitPattern == value.bitPattern)
    }

    @Test("keys keep insertion order; setting a key again replaces it in place")
    func insertionOrder() {
        var fields: Fields = ["zebra": .integer(1), "apple": .integer(2)]
        fields["mango"] = .integer(3)
        fields["zebra"] = .integer(4)
        #expect(Node.object(fields).text(.compact) == #"{"zebra": 4, "apple": 2, "mango": 3}"#)
        #expect(Node.object(fields.sortedByKey()).text(.compact) == #"{"apple": 2, "mango": 3, "zebra": 4}"#)
        fields["apple"] = nil
        #expect(fields.map(\.key) == ["zebra", "mango"])
    }

    @Test("pretty: one member per line, scalar arrays and matrices on one line, nesting indented")
    func prettyLayout() {
        let node = Node.object([
            "w": .array([.numbers([1, 2]), .numbers([3, 4])]),
            "layers": .array([.object(["l": .integer(2), "ok": .bool(true)]), .null]),
            "empty": .object([:]), "none": .array([]), "big": .unsigned(.max), "name": .string("a/b"),
        ])
        #expect(node.text() == """
        {
          "w": [[1.0, 2.0], [3.0, 4.0]],
          "layers": [
            {
              "l": 2,
              "ok": true
            },
            null
          ],
          "empty": {},
          "none": [],
          "big": 18446744073709551615,
          "name": "a/b"
        }
        """)
    }

    @Test("strings escape quotes, backslashes and control characters only")
    func escaping() throws {
        let s = "quote \" backslash \\ newline \n tab \t bell \u{7} é 😀 /"
        let text = Node.string(s).text()
        #expect(text == #""quote \" backslash \\ newline \n tab \t bell \u0007 é 😀 /""#)
        #expect(try JSONDecoder().decode(String.self, from: Data(text.utf8)) == s)
    }

    struct Inner: Encodable {
        var x: Float = 0.1
        var flags: [Bool] = [true, false]
    }

    struct Outer: Encodable {
        var name = "run"
        var missing: Int? = nil
        var present: UInt64? = 7
        var inner = Inner()
        var rows: [[Double]] = [[1, .nan]]
        var byKey: [String: Int] = ["b": 2, "c": 3, "a": 1]
        var negative: Int8 = -3
    }

    @Test("Encodable values keep declaration order (dictionaries sorted), leave out nil optionals, write Float's short digits")
    func encodable() throws {
        #expect(try Node.text(of: Outer()) == """
        {
          "name": "run",
          "present": 7,
          "inner": {
            "x": 0.1,
            "flags": [true, false]
          },
          "rows": [[1.0, "NaN"]],
          "byKey": {
            "a": 1,
            "b": 2,
            "c": 3
          },
          "negative": -3
        }
        """)
    }

    struct Failing: Encodable {
        struct Refused: Error {}
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }

    @Test("a value that fails to encode is an error, not a document")
    func failureIsAnError() {
        #expect(throws: Failing.Refused.self) { try Node.text(of: [Failing()]) }
    }

    struct Nullable: Encodable {
        @NullWhenAbsent var kept: Int?
        var dropped: Int?
        @NullWhenAbsent var present: Int?
    }

    @Test("@NullWhenAbsent writes null for a missing value, where a plain optional is left out")
    func nullWhenAbsent() throws {
        #expect(try Node.text(of: Nullable(kept: nil, dropped: nil, present: 2), .compact) == #"{"kept": null, "present": 2}"#)
        #expect(try Node.text(of: Nullable(kept: 1, dropped: 3, present: nil), .compact) == #"{"kept": 1, "dropped": 3, "present": null}"#)
    }
}
