import BackpropEngine
import Foundation
import JSONOutput

extension GradientCheckReport {
    /// The report as JSON for scripts: `passed`, `max_relative_error`, `seconds`, the
    /// settings, the diagnosis (or null) and a per-layer list (one entry per layer and
    /// kind, each with its comparison per oracle and its worst entry).
    /// Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity".
    ///
    /// - Throws: `ReportEncodingError` when the report cannot be encoded: that is no
    ///   verdict, and must never be printed as `{"passed": false}`.
    public func json(seed: UInt64? = nil, bug: BackpropBug? = nil) throws(ReportEncodingError) -> String {
        let document = Document(
            passed: passed,
            maxRelativeError: maxRelativeError,
            maxAbsoluteError: maxAbsoluteError,
            seconds: timings.total,
            secondsFiniteDifferences: timings.finiteDifferences,
            secondsAutodiff: timings.autodiff,
            sizes: sizes, cost: cost.rawValue, lambda: lambda, n: n, batch: batchSize,
            mode: options.mode.name, epsilon: options.epsilon, rtol: options.rtol, atol: options.atol,
            oracles: oracles.map(\.rawValue), seed: seed, bug: bug?.rawValue,
            checked: checked, failing: failing,
            diagnosis: diagnosis.map { DiagnosisEntry(layer: $0.layer, equation: $0.culprit.rawValue,
                                                      description: $0.culprit.equation, reason: $0.reason) },
            layers: blocks.map { result in
                LayerEntry(
                    layer: result.block.layer, kind: result.block.kind.rawValue,
                    checked: result.tested.count, failing: result.failing, passed: result.passed,
                    maxRelativeError: result.maxRelativeError, maxAbsoluteError: result.maxAbsoluteError,
                    comparisons: result.comparisons.map { c in
                        ComparisonEntry(
                            oracle: c.oracle.rawValue, failing: c.failing,
                            maxRelativeError: c.maxRelativeError, maxAbsoluteError: c.maxAbsoluteError,
                            worst: result.tested.isEmpty ? nil : WorstEntry(
                                probe: result.probeLabels[c.worst], backprop: result.tested[c.worst],
                                finiteDifference: result.finiteDifferences?[c.worst],
                                autodiff: result.autodiff?[c.worst]))
                    })
            })
        return try ReportEncodingError.encode(document)
    }
}

/// A report could not be turned into JSON.
public struct ReportEncodingError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "the report could not be encoded as JSON: \(reason)" }

    /// `value` as JSON text by the project's one writer (`JSONOutput.Node`): keys in
    /// the order the type declares them, shortest round-trip Doubles, non-finite numbers
    /// as the strings "NaN", "Infinity" and "-Infinity".
    public static func encode(_ value: some Encodable) throws(ReportEncodingError) -> String {
        do {
            return try Node.text(of: value)
        } catch {
            throw ReportEncodingError(reason: "\(error)")
        }
    }
}

private struct Document: Encodable {
    var passed: Bool
    var maxRelativeError, maxAbsoluteError, seconds, secondsFiniteDifferences, secondsAutodiff: Double
    var sizes: [Int]
    var cost: String
    var lambda: Double
    var n, batch: Int
    var mode: String
    var epsilon, rtol, atol: Double
    var oracles: [String]
    @NullWhenAbsent var seed: UInt64?               // null when not given
    @NullWhenAbsent var bug: String?                // null for the correct engine
    var checked, failing: Int
    @NullWhenAbsent var diagnosis: DiagnosisEntry?  // null when the check passes
    var layers: [LayerEntry]

    enum CodingKeys: String, CodingKey {
        case passed
        case maxRelativeError = "max_relative_error", maxAbsoluteError = "max_absolute_error"
        case seconds
        case secondsFiniteDifferences = "seconds_finite_differences", secondsAutodiff = "seconds_autodiff"
        case sizes, cost, lambda, n, batch, mode, epsilon, rtol, atol, oracles, seed, bug
        case checked, failing, diagnosis, layers
    }
}

private struct DiagnosisEntry: Encodable {
    var layer: Int
    var equation, description, reason: String
}

private struct LayerEntry: Encodable {
    var layer: Int
    var kind: String
    var checked, failing: Int
    var passed: Bool
    var maxRelativeError, maxAbsoluteError: Double
    var comparisons: [ComparisonEntry]

    enum CodingKeys: String, CodingKey {
        case layer, kind, checked, failing, passed, comparisons
        case maxRelativeError = "max_relative_error", maxAbsoluteError = "max_absolute_error"
    }
}

private struct ComparisonEntry: Encodable {
    var oracle: String
    var failing: Int
    var maxRelativeError, maxAbsoluteError: Double
    var worst: WorstEntry?

    enum CodingKeys: String, CodingKey {
        case oracle, failing, worst
        case maxRelativeError = "max_relative_error", maxAbsoluteError = "max_absolute_error"
    }
}

private struct WorstEntry: Encodable {
    var probe: String
    var backprop: Double
    var finiteDifference: Double?
    var autodiff: Double?

    enum CodingKeys: String, CodingKey {
        case probe, backprop, autodiff
        case finiteDifference = "finite_difference"
    }
}
