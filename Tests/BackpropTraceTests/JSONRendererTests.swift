import BackpropEngine
import Foundation
import Testing
@testable import BackpropTrace

@Suite("JSONRenderer: the keys scripts rely on, exact values")
struct JSONRendererTests {
    struct Batch: Decodable {
        var m: Int
        var mean_nabla_w: [[[Double]]]
        var updated_w: [[[Double]]]
        var cost_before: Double
        var cost_after: Double
    }
    struct Document: Decodable {
        var sizes: [Int]
        var cost: String
        var seed: UInt64
        var batch: Batch?
        var layers: [TraceJSON.Layer]
    }

    @Test("a mini-batch trace has the mean and the updated weights, equal to the engine's")
    func batch() throws {
        var request = TraceRequest()
        request.batch = 3
        request.seed = UInt64.max
        let trace = try request.makeTrace()
        let text = JSONRenderer.render(trace)
        let document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        let step = try #require(trace.batch)
        #expect(document.seed == UInt64.max)
        let batch = try #require(document.batch)
        #expect(batch.m == 3)
        #expect(batch.mean_nabla_w == step.meanGradient.nablaW.map(\.rowList))
        #expect(batch.updated_w == step.after.weights.map(\.rowList))
        #expect(batch.cost_before == step.costBefore)
        #expect(batch.cost_after == step.costAfter)
    }

    @Test("a single-example trace has no batch; every layer l = 2…L is there")
    func single() throws {
        var request = TraceRequest()
        request.sizes = [2, 4, 3, 1]
        let document = try JSONDecoder().decode(Document.self, from: Data(JSONRenderer.render(try request.makeTrace()).utf8))
        #expect(document.batch == nil)
        #expect(document.layers.map(\.layer) == [2, 3, 4])
        #expect(document.layers.map(\.nabla_w.count) == [4, 3, 1])
    }
}
