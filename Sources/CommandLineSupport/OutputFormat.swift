import ArgumentParser
import Foundation

/// `--format text|json`: aligned tables and explanations for people, or JSON for scripts.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
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

/// The `--format` option of commands that print tables.
public struct FormatOption: ParsableArguments, Sendable {
    @Option(help: "Output format: text (tables for people) or json (for scripts).")
    public var format = OutputFormat.text

    public init() {}

    /// Whether the output is for people (so extra lines such as "seed: 1" are welcome).
    public var isText: Bool { format == .text }

    /// Prints `value` as JSON, or `text()` for people.
    public func print(_ value: some Encodable, text: () -> String) throws {
        Swift.print(format == .json ? try OutputFormat.json(value) : text())
    }
}

/// Checks that a count option lies in `range`, with a message naming the flag.
public func requireWithin(_ value: Int, _ range: ClosedRange<Int>, _ flag: String) throws(ValidationError) {
    guard range.contains(value) else {
        throw ValidationError("\(flag) must be \(range.lowerBound) to \(range.upperBound), got \(value)")
    }
}
