import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("ClosingCheck: the traced gradient against finite differences (GradientChecking)")
struct ClosingCheckTests {
    @Test("backprop's gradient agrees with central differences", arguments: Cost.allCases)
    func agrees(cost: Cost) throws {
        let network = try smallNetwork(cost: cost)
        let example = Example(x: [1, 2], y: [1])
        let check = ClosingCheck(network: network, example: example, gradient: network.backprop(x: example.x, y: example.y))
        #expect(check.parameterCount == 13)
        #expect(check.maxRelativeError < 1e-6)
        #expect(check.passed)
    }

    @Test("a wrong gradient is caught")
    func catchesWrongGradient() throws {
        let network = try smallNetwork()
        let example = Example(x: [1, 2], y: [1])
        var wrong = network.backprop(x: example.x, y: example.y)
        wrong.nablaW[0][1, 0] *= 1.5
        let check = ClosingCheck(network: network, example: example, gradient: wrong)
        #expect(check.maxRelativeError > 0.1)
        #expect(!check.passed)
    }
}
