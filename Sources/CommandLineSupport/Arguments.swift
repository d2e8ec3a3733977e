import ArgumentParser
import BackpropEngine

/// Layer sizes given on the command line as `784,30,10`.
public struct LayerSizes: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The neurons per layer, input first.
    public var values: [Int]

    /// The largest layer the command line accepts; bigger nets are a typo, not a plan.
    public static let maximumLayerSize = 100_000
    /// The most weights a network given on the command line may have.
    public static let maximumParameters = 50_000_000

    public init(_ values: [Int]) {
        self.values = values
    }

    public init?(argument: String) {
        guard let parsed = try? LayerSizes.parse(argument) else { return nil }
        self = parsed
    }

    /// Parses `784,30,10`, explaining what is wrong with a bad list.
    public static func parse(_ text: String) throws(ValidationError) -> LayerSizes {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var values: [Int] = []
        for part in parts {
            guard let n = Int(part) else {
                throw ValidationError("sizes '\(text)': '\(part)' is not a whole number (write e.g. 784,30,10)")
            }
            guard (1...maximumLayerSize).contains(n) else {
                throw ValidationError("sizes '\(text)': every layer needs 1 to \(maximumLayerSize) neurons, got \(n)")
            }
            values.append(n)
        }
        guard values.count >= 2 else {
            throw ValidationError("sizes '\(text)': a network needs at least two layers (input and output)")
        }
        let weights = zip(values.dropLast(), values.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        guard weights <= maximumParameters else {
            throw ValidationError("sizes '\(text)': \(weights) weights is more than this tool trains (\(maximumParameters))")
        }
        return LayerSizes(values)
    }

    public var description: String { values.map(String.init).joined(separator: ",") }

    public var defaultValueDescription: String { description }
}

extension Cost: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Network.Initializer: ExpressibleByArgument {}

/// A comma-separated list of numbers, e.g. `--input 0.05,0.10`.
public struct NumberList: ExpressibleByArgument, Sendable, CustomStringConvertible {
    public var values: [Double]

    public init(_ values: [Double]) {
        self.values = values
    }

    public init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy(\.isFinite) else { return nil }
        values = numbers
    }

    public var description: String { values.map { "\($0)" }.joined(separator: ",") }
}

/// The `--seed` option every random command shares.
public struct SeedOption: ParsableArguments, Sendable {
    @Option(help: "Seed for every random choice (weights, shuffling, sampling); the same seed gives the same run.")
    public var seed: UInt64 = 1

    public init() {}

    /// The generator for this run, after printing "seed: N" so the run can be repeated.
    public func makeGenerator(announce: Bool = true) -> SeededGenerator {
        if announce { print("seed: \(seed)") }
        return SeededGenerator(seed: seed)
    }
}

/// Checks that a number option is positive, with a message naming the flag.
public func requirePositive(_ value: Double, _ flag: String) throws(ValidationError) {
    guard value.isFinite, value > 0 else { throw ValidationError("\(flag) must be a positive number, got \(value)") }
}

/// Checks that a count option is at least `minimum`, with a message naming the flag.
public func requireAtLeast(_ value: Int, _ minimum: Int, _ flag: String) throws(ValidationError) {
    guard value >= minimum else { throw ValidationError("\(flag) must be at least \(minimum), got \(value)") }
}
