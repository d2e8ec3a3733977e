import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("LatexRenderer: a well-formed Beamer document")
struct LatexRendererTests {
    static func trace(cost: Cost) throws -> TracedBackprop {
        var request = TraceRequest()
        request.cost = cost
        request.batch = 2
        return try request.makeTrace()
    }

    @Test("LaTeX: balanced braces, environments and inline math; one frame per block", arguments: Cost.allCases)
    func latex(cost: Cost) throws {
        let trace = try Self.trace(cost: cost)
        let text = LatexRenderer().chunks(TraceDocument(trace)).joinedText
        var depth = 0, previous: Character = " "
        for c in text {
            if previous != "\\" {
                if c == "{" { depth += 1 }
                if c == "}" { depth -= 1 }
                #expect(depth >= 0)
            }
            previous = c
        }
        #expect(depth == 0)
        for environment in ["frame", "bmatrix", "document"] {
            #expect(text.components(separatedBy: "\\begin{\(environment)}").count == text.components(separatedBy: "\\end{\(environment)}").count)
        }
        #expect(text.components(separatedBy: "\\(").count == text.components(separatedBy: "\\)").count)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        let blocks = TraceDocument(trace).sections.reduce(0) { $0 + $1.blocks.count }
        #expect(text.components(separatedBy: "\\begin{frame}").count - 1 == blocks)
    }
}
