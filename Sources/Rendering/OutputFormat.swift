import Foundation

/// `--format text|json`: aligned tables and explanations for people, or one JSON
/// document on standard output for scripts.
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    /// Aligned tables and explanations for people.
    case text
    /// JSON for scripts.
    case json

    /// JSON text of `value`: pretty-printed with sorted keys, so scripts and diffs see a
    /// stable layout.
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
