import BackpropTrace
import JSONOutput
import Testing

/// For the lead's migration of `BackpropTrace`'s `JSONValue` to `Node`: the same tree,
/// with each object's keys sorted (JSONValue's order), is written byte for byte as
/// `JSONValue.render()` writes it — so the golden traces stay as they are — as long as
/// it holds no NaN or ±∞ (JSONValue writes `null` for those, `Node` the documented strings).
@Suite("JSONValue → Node keeps the trace's text")
struct TraceMigrationTests {
    /// `value` as a `Node`, keys sorted as JSONValue sorts them.
    static func node(_ value: JSONValue) -> Node {
        switch value {
        case .object(let members):
            .object(members.reduce(into: Fields()) { fields, member in fields[member.key] = node(member.value) }.sortedByKey())
        case .array(let items): .array(items.map(node))
        case .number(let v): .number(v)
        case .integer(let n): .integer(n)
        case .unsigned(let n): .unsigned(n)
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .null: .null
        }
    }

    @Test("a batch trace and a single-example trace render the same text", arguments: [1, 3])
    func sameText(batch: Int) throws {
        var request = TraceRequest()
        request.batch = batch
        let value = JSONRenderer.value(try request.makeTrace())
        #expect(Self.node(value).text() + "\n" == value.render())
    }
}
