import BackpropEngine
import Testing
@testable import BackpropTrace

@Suite("FiniteDifferenceCheck: the closing line")
struct FiniteDifferenceCheckTests {
    @Test("backprop's gradient agrees with central differences", arguments: Cost.allCases)
    func agrees(cost: Cost) throws {
        let network = try smallNetwork(cost: cost)
        let example = Example(x: [1, 2], y: [1])
        let check = FiniteDifferenceCheck(network: network, example: example, gradient: network.backprop(x: example.x, y: example.y))
        #expect(check.parameterCount == 13)
        #expect(check.maxRelativeError < 1e-6)
    }

    @Test("a wrong gradient is caught")
    func catchesWrongGradient() throws {
        let network = try smallNetwork()
        let example = Example(x: [1, 2], y: [1])
        var wrong = network.backprop(x: example.x, y: example.y)
        wrong.nablaW[0][1, 0] *= 1.5
        let check = FiniteDifferenceCheck(network: network, example: example, gradient: wrong)
        #expect(check.maxRelativeError > 0.1)
    }
}
