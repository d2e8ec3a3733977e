/// A JSON value written with sorted keys, two-space indentation, short arrays of
/// numbers on one line, and every Double in Swift's shortest round-trip form, so
/// `JSONSerialization`, Python's `json` and NumPy read back exactly the same Doubles.
/// NaN and ±∞, which JSON cannot hold, are written as `null`.
public indirect enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case number(Double)
    case integer(Int)
    case unsigned(UInt64)
    case string(String)
    case bool(Bool)
    case null

    /// A list of numbers.
    public static func numbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }

    /// The text, ending in a newline.
    public func render() -> String {
        write(indent: "") + "\n"
    }

    private var isFlat: Bool {
        switch self {
        case .object: false
        case .array(let items): items.allSatisfy { if case .array(let inner) = $0 { inner.allSatisfy(\.isScalar) } else { $0.isScalar } }
        default: true
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    private func write(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let body = members.keys.sorted().map { key in
                inner + Self.quote(key) + ": " + (members[key] ?? .null).write(indent: inner)
            }
            return "{\n" + body.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items):
            if isFlat { return "[" + items.map { $0.write(indent: inner) }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + $0.write(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .number(let v):
            return v.isFinite ? v.description : "null"
        case .integer(let n):
            return String(n)
        case .unsigned(let n):
            return String(n)
        case .string(let s):
            return Self.quote(s)
        case .bool(let b):
            return b ? "true" : "false"
        case .null:
            return "null"
        }
    }

    /// A JSON string literal, with quotes, backslashes and control characters escaped.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
