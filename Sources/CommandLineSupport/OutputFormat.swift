import ArgumentParser
import Foundation
@_exported import enum Rendering.OutputFormat

extension OutputFormat: ExpressibleByArgument {}

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
