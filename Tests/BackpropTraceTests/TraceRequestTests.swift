import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("TraceRequest: defaults and validation")
struct TraceRequestTests {
    @Test("the default is a [2,3,1] net from seed 1, x = (1.0, 0.5), y = (0.0), quadratic, no batch")
    func defaults() throws {
        let trace = try TraceRequest().makeTrace()
        #expect(trace.network == (try Network(sizes: [2, 3, 1], seed: 1)))
        #expect(trace.example.example == Example(x: [1.0, 0.5], y: [0.0]))
        #expect(trace.network.cost == .quadratic)
        #expect(trace.batch == nil)
        #expect(trace.source == .seed(1))
    }

    @Test("--batch fills the mini-batch from the seed, reproducibly")
    func batch() throws {
        var request = TraceRequest()
        request.batch = 4
        let a = try request.makeTrace(), b = try request.makeTrace()
        #expect(a.batch?.size == 4)
        #expect(a.batch?.examples.map(\.example) == b.batch?.examples.map(\.example))
        #expect(a.batch?.examples.first?.example == Example(x: [1.0, 0.5], y: [0.0]))
    }

    @Test("--batch 1 shows the step for the one example")
    func batchOfOne() throws {
        var request = TraceRequest()
        request.batch = 1
        #expect(try request.makeTrace().batch?.size == 1)
    }

    @Test("--input alone uses the default target y = (0.0) for a one-output network")
    func inputAlone() throws {
        var request = TraceRequest()
        request.inputs = [[0.2, 0.9]]
        #expect(try request.makeTrace().example.example == Example(x: [0.2, 0.9], y: [0.0]))
    }

    @Test("mismatched lengths and counts are clear errors")
    func errors() {
        func message(_ change: (inout TraceRequest) -> Void) -> String? {
            var request = TraceRequest()
            change(&request)
            do { _ = try request.makeTrace(); return nil } catch { return error.description }
        }
        #expect(message { $0.inputs = [[1, 2, 3]]; $0.targets = [[1]] }?.contains("has 3 numbers but the network has 2 inputs") == true)
        #expect(message { $0.inputs = [[1, 2], [3, 4]]; $0.targets = [[1]] }?.contains("got 2 --input and 1 --target") == true)
        #expect(message { $0.sizes = [2, 2]; $0.inputs = [[1, 2]] }?.contains("give --target with 2 numbers") == true)
        #expect(message { $0.sizes = [3, 2] }?.contains("give --input with 3 numbers") == true)
        #expect(message { $0.batch = 0 } == "--batch must be at least 1, got 0")
        #expect(message { $0.eta = -1 }?.contains("--eta") == true)
        #expect(message { $0.inputs = [[1, 2], [3, 4]]; $0.targets = [[1], [0]]; $0.batch = 1 }?.contains("smaller than") == true)
    }
}
