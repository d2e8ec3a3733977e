import JSONOutput

/// `--format text|json`: aligned tables and explanations for people, or one JSON
/// document on standard output for scripts.
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    /// Aligned tables and explanations for people.
    case text
    /// JSON for scripts.
    case json

    /// JSON text of `value`, the one form every `--format json` prints: `JSONOutput`'s
    /// pretty layout, keys in the order the type declares them, Doubles in shortest
    /// round-trip form, NaN and ±∞ as the strings "NaN", "Infinity" and "-Infinity".
    ///
    /// - Throws: what the value's `encode(to:)` throws; the caller reports it as an error.
    public static func json(_ value: some Encodable) throws -> String {
        try Node.text(of: value)
    }
}
