import BackpropEngine
import BackpropTrace
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `backprop-trace --format svg`: well-formed XML (Foundation's XMLParser), every number
/// the JSON trace's; `--at-step N` marks what step N reads and writes.
@Suite struct TracePictureTests {
    /// Every `data-v` element's value and text, and every `class` attribute.
    final class Collector: NSObject, XMLParserDelegate {
        var numbers: [[String]] = []
        var classes: [String] = []
        private var open: String?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if let c = attributes["class"] { classes.append(c) }
            if let v = attributes["data-v"] {
                open = v
                text = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if open != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let v = open {
                numbers.append([v, text])
                open = nil
            }
        }
    }

    private func parse(_ svg: String) throws -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return collector
    }

    @Test func wholeTraceOnOnePicture() throws {
        let arguments = ["--sizes", "3,4,4,2", "--input", "1,0.5,0.2", "--target", "0,1"]
        let json = try Child.trace(arguments + ["--format", "json"])
        let svg = try Child.trace(arguments + ["--format", "svg"])
        #expect(svg.status == 0)
        #expect(svg.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let parsed = try parse(svg.stdout)
        let numbers = try TraceNumbers(json: json.stdout)
        // Neurons: a for 13, b z δ ∂C/∂b for 10, y for 2; edges: w and ∂C/∂w on the 8
        // edges of layer 4 (layers 2 and 3, 12 and 16 edges, have them in tooltips).
        #expect(NetworkDrawing.maximumLabelledEdges == 9)
        #expect(parsed.numbers.count == 13 + 4 * 10 + 2 + 2 * 8)
        let problems = numbers.problems(parsed.numbers)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(!parsed.classes.contains { $0.contains("pending") })
    }

    @Test func oneStepMarksWhatItReadsAndWrites() throws {
        // Step 3 of [2, 3, 1] is z³ = w³a² + b³.
        let svg = try Child.trace(["--format", "svg", "--at-step", "3"])
        #expect(svg.status == 0)
        let parsed = try parse(svg.stdout)
        #expect(parsed.classes.contains("q lab write"), "z³ is written")
        #expect(parsed.classes.contains("q wline read"), "w³ is read")
        #expect(parsed.classes.contains("q lab pending"), "δ is not computed yet")
        let tooFar = try Child.trace(["--format", "svg", "--at-step", "99"])
        #expect(tooFar.status == 64)
        #expect(tooFar.stderr.contains("--at-step must be 1 to 12"))
        let notSVG = try Child.trace(["--at-step", "2"])
        #expect(notSVG.status == 64)
    }

    @Test func largeLayersAreSummarised() throws {
        var generator = SeededGenerator(seed: 3)
        let network = try Network(sizes: [784, 30, 10], generator: &generator)
        let x = Vector((0..<784).map { Double($0 % 5) / 4 })
        let y = Vector((0..<10).map { $0 == 2 ? 1.0 : 0 })
        let trace = TracedBackprop(network: network, examples: [Example(x: x, y: y)], eta: 3, source: .seed(3))
        let parsed = try parse(TracePicture.svg(trace))
        // 10 neurons drawn of 784 and of 30, all 10 outputs; two bands of edges.
        #expect(parsed.classes.filter { $0.hasPrefix("q node") }.count == 10 + 10 + 10)
        #expect(parsed.classes.filter { $0.contains("band") && $0.contains("wline") }.count == 2)
        #expect(!parsed.classes.contains("q wline") , "no single edges next to a summarised layer")
    }

    @Test func marksReadOffTheFormulas() {
        #expect(TraceMarks(formula: "z² = w²a¹ + b²", layers: 3) == TraceMarks(reads: ["w2", "a1", "b2"], writes: ["z2"]))
        #expect(TraceMarks(formula: "δ³ = ∇ₐC ⊙ σ′(z³)", layers: 3) == TraceMarks(reads: ["a3", "y", "z3"], writes: ["d3"]))
        #expect(TraceMarks(formula: "δ² = ((w³)ᵀδ³) ⊙ σ′(z²)", layers: 3) == TraceMarks(reads: ["w3", "d3", "z2"], writes: ["d2"]))
        #expect(TraceMarks(formula: "∂C/∂w² = δ²(a¹)ᵀ", layers: 3) == TraceMarks(reads: ["d2", "a1"], writes: ["gw2"]))
        #expect(TraceMarks(formula: "δ¹² = a¹² − y", layers: 12) == TraceMarks(reads: ["a12", "y"], writes: ["d12"]))
        #expect(TraceMarks(formula: "w³ → w³ − (η/m) Σₓ ∂Cₓ/∂w³,  b³ → b³ − (η/m) Σₓ ∂Cₓ/∂b³", layers: 3)
            == TraceMarks(reads: ["w3", "gw3", "b3", "gb3"], writes: ["w3", "b3"]))
        #expect(TraceMarks(formula: "∇C = (1/m) Σₓ ∇Cₓ", layers: 3).writes == ["gb2", "gw2", "gb3", "gw3"])
    }
}
