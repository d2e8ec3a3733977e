/// One JSON value, built in memory and written by `text(_:)`: the single JSON writer of
/// BackpropLab (model files, checkpoints, every `--format json`).
///
/// The policy, in one place:
/// - **Doubles** are written in Swift's shortest round-trip form (`Double.description`,
///   e.g. `0.1`, `1.0`, `1e-05`), so Python's `json`, NumPy and `JSONDecoder` read back
///   exactly the same Double.
/// - **Keys** keep the order they were inserted in (for `Encodable` types: the order
///   of the stored properties), so a layout is stable and reads top-down.
/// - **NaN, +∞ and −∞**, which JSON numbers cannot hold, are written as the strings
///   `"NaN"`, `"Infinity"` and `"-Infinity"` (`nonFiniteStrings`): what `JSONDecoder`'s
///   `.convertFromString` strategy (see `Node.decoder()`) and Python's `float()` read
///   back. Writers that must not hold them (model files) refuse them before writing.
public indirect enum Node: Sendable, Equatable {
    case object(Fields)
    case array([Node])
    case number(Double)
    case integer(Int)
    case unsigned(UInt64)
    case string(String)
    case bool(Bool)
    case null

    /// The strings that stand for the Doubles JSON cannot hold.
    public static let nonFiniteStrings = (nan: "NaN", positiveInfinity: "Infinity", negativeInfinity: "-Infinity")

    /// A list of numbers.
    public static func numbers(_ values: [Double]) -> Node { .array(values.map(Node.number)) }

    /// How the text is laid out.
    public enum Layout: Sendable {
        /// Objects one member per line, indented by two spaces; arrays of scalars, and
        /// arrays of arrays of scalars (matrices), on one line. The form of `--format json`.
        case pretty
        /// Everything on one line with `", "` and `": "` between items, like Python's
        /// `json.dumps` and the book's `network2.py` (the form of model files).
        case compact
    }

    /// The JSON text, without a trailing newline.
    public func text(_ layout: Layout = .pretty) -> String {
        var out = ""
        write(into: &out, layout: layout, indent: "")
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// Whether a pretty array stays on one line: all scalars, or all arrays of scalars.
    private var fitsOnOneLine: Bool {
        guard case .array(let items) = self else { return true }
        return items.allSatisfy { item in
            if case .array(let inner) = item { inner.allSatisfy(\.isScalar) } else { item.isScalar }
        }
    }

    private func write(into out: inout String, layout: Layout, indent: String) {
        let inner = indent + "  "
        switch self {
        case .object(let fields):
            guard !fields.isEmpty else { out += "{}"; return }
            let pretty = layout == .pretty
            out += pretty ? "{\n" : "{"
            for (i, field) in fields.enumerated() {
                if i > 0 { out += pretty ? ",\n" : ", " }
                if pretty { out += inner }
                Self.quote(field.key, into: &out)
                out += ": "
                field.value.write(into: &out, layout: layout, indent: inner)
            }
            out += pretty ? "\n" + indent + "}" : "}"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let multiline = layout == .pretty && !fitsOnOneLine
            out += multiline ? "[\n" : "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += multiline ? ",\n" : ", " }
                if multiline { out += inner }
                item.write(into: &out, layout: layout, indent: inner)
            }
            out += multiline ? "\n" + indent + "]" : "]"
        case .number(let v):
            if v.isFinite {
                out += v.description
            } else {
                let names = Self.nonFiniteStrings
                Self.quote(v.isNaN ? names.nan : v > 0 ? names.positiveInfinity : names.negativeInfinity, into: &out)
            }
        case .integer(let n): out += String(n)
        case .unsigned(let n): out += String(n)
        case .string(let s): Self.quote(s, into: &out)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (including `/` and non-ASCII) as it is.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
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
        out += "\""
    }
}
