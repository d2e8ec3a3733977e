import Foundation
import Testing
@testable import BackpropTrace

@Suite("JSONValue: sorted keys, exact Doubles")
struct JSONValueTests {
    @Test("Doubles read back bit for bit with JSONDecoder")
    func roundTrip() throws {
        let values = [0.41314812178311333, 0.06321764181093943, 1.6572867271131437, 0.1, 1.0 / 3, -2.5e-300, 1e22, Double.leastNonzeroMagnitude, 123456789.123456789, -0.0, 0.5048687171252046]
        let text = JSONValue.object(["v": .numbers(values)]).render()
        struct V: Decodable { var v: [Double] }
        let back = try JSONDecoder().decode(V.self, from: Data(text.utf8)).v
        #expect(back.count == values.count)
        #expect(zip(back, values).allSatisfy { $0.bitPattern == $1.bitPattern || ($0 == 0 && $1 == 0) })
    }

    @Test("keys are sorted, strings escaped, non-finite numbers null")
    func layout() {
        let text = JSONValue.object(["b": .integer(1), "a": .string("q\"\\\n"), "c": .number(.nan)]).render()
        #expect(text == "{\n  \"a\": \"q\\\"\\\\\\n\",\n  \"b\": 1,\n  \"c\": null\n}\n")
    }
}
