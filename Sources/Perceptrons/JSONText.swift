import Foundation

/// `--format json` output: pretty-printed with sorted keys, so scripts and diffs see a
/// stable layout.
public enum JSONText {
    /// The JSON text of `value`.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

