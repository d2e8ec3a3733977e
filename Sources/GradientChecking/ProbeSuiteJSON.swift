import BackpropEngine
import JSONOutput

extension ProbeSuiteReport {
    /// The report as JSON for scripts (a teacher's grading loop): the verdict, the
    /// first failing probe, and every probe with its network sizes, cost, inputs,
    /// targets and verdict; for a failing probe also the full expected gradient (central
    /// differences) and the received one, per layer as `nabla_b` (flat) and `nabla_w`
    /// (rows). Non-finite numbers are the strings "NaN", "Infinity", "-Infinity".
    public func json() throws(ReportEncodingError) -> String {
        let first = firstFailure
        let document = SuiteDocument(
            passed: passed, subject: subject, seed: seed, seconds: seconds,
            checked: checked, declined: declined.count,
            firstFailure: first?.probe.name,
            equation: first.flatMap { if case .wrongGradient(let d?) = $0.verdict { d.culprit.rawValue } else { nil } },
            layer: first.flatMap { if case .wrongGradient(let d?) = $0.verdict { d.layer } else { nil } },
            message: first?.verdict.sentence, stopped: stopped,
            probes: outcomes.map(ProbeEntry.init))
        return try ReportEncodingError.encode(document)
    }
}

private struct SuiteDocument: Encodable {
    var passed: Bool
    var subject: String
    var seed: UInt64
    var seconds: Double
    var checked, declined: Int
    @NullWhenAbsent var firstFailure: String?   // null when passed
    @NullWhenAbsent var equation: String?
    @NullWhenAbsent var layer: Int?
    @NullWhenAbsent var message: String?
    @NullWhenAbsent var stopped: String?
    var probes: [ProbeEntry]

    enum CodingKeys: String, CodingKey {
        case passed, subject, seed, seconds, checked, declined
        case firstFailure = "first_failure"
        case equation, layer, message, stopped, probes
    }
}

private struct ProbeEntry: Encodable {
    var name, purpose, asks, cost, verdict, message: String
    var sizes: [Int]
    var m: Int
    var lambda: Double
    var n: Int
    var inputs, targets: [[Double]]
    var maxRelativeError: Double?
    var equation: String?
    var layer: Int?
    var expected, received: [LayerGradient]?

    init(_ outcome: ProbeOutcome) {
        let p = outcome.probe
        name = p.name
        purpose = p.purpose
        asks = p.kind.name
        cost = p.network.cost.rawValue
        verdict = switch outcome.verdict {
        case .passed: "passed"
        case .wrongGradient: "wrong_gradient"
        case .wrongShape: "wrong_shape"
        case .notFinite: "not_finite"
        case .differsOnRepeat: "differs_on_repeat"
        case .declined: "declined"
        }
        message = outcome.verdict.sentence
        sizes = p.network.sizes
        m = p.batchSize
        lambda = p.lambda
        n = p.n
        inputs = p.examples.map(\.x.elements)
        targets = p.examples.map(\.y.elements)
        maxRelativeError = outcome.report?.maxRelativeError
        if case .wrongGradient(let d?) = outcome.verdict {
            equation = d.culprit.rawValue
            layer = d.layer
        }
        if outcome.verdict.isFailure {
            received = outcome.received.map { LayerGradient.split($0, sizes: p.network.sizes) }
            if let report = outcome.report, report.options.mode == .full {
                expected = LayerGradient.split(report.blocks.flatMap(\.reference), sizes: p.network.sizes)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, purpose, asks, cost, verdict, message, sizes, m, lambda, n, inputs, targets
        case equation, layer, expected, received
        case maxRelativeError = "max_relative_error"
    }
}

/// One layer's ∂C/∂b and ∂C/∂w in a JSON report.
private struct LayerGradient: Encodable {
    var layer: Int
    var nablaB: [Double]
    var nablaW: [[Double]]

    enum CodingKeys: String, CodingKey {
        case layer
        case nablaB = "nabla_b", nablaW = "nabla_w"
    }

    /// A flat gradient in the order of `Network.parameters`, split by layer.
    static func split(_ flat: [Double], sizes: [Int]) -> [LayerGradient] {
        var layers: [LayerGradient] = []
        var offset = 0
        for l in 1..<sizes.count {
            let rows = sizes[l], columns = sizes[l - 1]
            guard offset + rows + rows * columns <= flat.count else { break }
            let b = Array(flat[offset..<(offset + rows)])
            let w = (0..<rows).map { j in Array(flat[(offset + rows + j * columns)..<(offset + rows + (j + 1) * columns)]) }
            layers.append(LayerGradient(layer: l + 1, nablaB: b, nablaW: w))
            offset += rows + rows * columns
        }
        return layers
    }
}
