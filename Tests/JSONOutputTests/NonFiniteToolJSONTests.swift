import BackpropEngine
import BackpropTrace
import Foundation
import GradientChecking
import JSONOutput
import Rendering
import Testing

/// The one NaN/∞ policy reaches every `--format json`: each tool's JSON entry point is
/// fed NaN, +∞ and −∞ and must write the strings "NaN", "Infinity" and "-Infinity"
/// (`JSONOutput.Node`'s documented policy) in a document `JSONSerialization` parses (a
/// bare `nan` or `inf` would not). The entry points, one per tool family:
/// `OutputFormat.json` (perceptrons, sigmoid-limit, lessons glossary, mnist train,
/// evaluate, baselines and `--svm`), `GradientCheckReport.json` (gradcheck),
/// `ProbeSuiteReport.json` (gradcheck --exec, --network-py, --gradient) and
/// `JSONRenderer` (backprop-trace).
@Suite("NaN and ±∞ in every tool's JSON")
struct NonFiniteToolJSONTests {
    /// A gradient with −∞ in layer 2's first bias, NaN in its first weight and +∞ in
    /// layer 3's first bias: every non-finite kind the checker can receive.
    static let poisoned: GradientFunction = { network, batch, lambda, n in
        var g = TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: n)
        g.nablaB[0].elements[0] = -.infinity
        g.nablaW[0].elements[0] = .nan
        g.nablaB[g.nablaB.count - 1].elements[0] = .infinity
        return g
    }

    /// `text` parses as JSON and holds each of the three documented strings.
    func expectPolicy(_ text: String, _ writer: String) {
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(writer) wrote no JSON document: \(text)")
        for string in [#""NaN""#, #""Infinity""#, #""-Infinity""#] {
            #expect(text.contains(string), "\(writer) does not write \(string)")
        }
    }

    @Test("OutputFormat.json (perceptrons, sigmoid-limit, lessons, mnist)")
    func outputFormat() throws {
        expectPolicy(try OutputFormat.json(["values": [Double.nan, .infinity, -.infinity]]), "OutputFormat.json")
    }

    @Test("GradientCheckReport.json (gradcheck)")
    func gradientCheckReport() throws {
        let network = try Network(sizes: [2, 3, 1], seed: 1)
        let batch = [Example(x: [0.5, 0.25], y: [1])]
        var generator = SeededGenerator(seed: 1)
        let report = GradientChecker().check(network: network, batch: batch, gradient: Self.poisoned, generator: &generator)
        #expect(!report.passed)
        expectPolicy(try report.json(seed: 1), "GradientCheckReport.json")
    }

    @Test("ProbeSuiteReport.json (gradcheck --exec, --network-py, --gradient)")
    func probeSuiteReport() throws {
        let report = GradientChecker().checkSuite(Self.poisoned)
        #expect(!report.passed)
        expectPolicy(try report.json(), "ProbeSuiteReport.json")
    }

    @Test("JSONRenderer (backprop-trace --format json)")
    func trace() throws {
        let network = try Network(sizes: [3, 2, 1], seed: 1)
        let example = Example(x: [.nan, .infinity, -.infinity], y: [0])
        let trace = TracedBackprop(network: network, examples: [example], eta: 3, source: .seed(1))
        expectPolicy(JSONRenderer.render(trace), "JSONRenderer")
    }
}
