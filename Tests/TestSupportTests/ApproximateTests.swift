import TestSupport
import Testing

@Suite("Approximate comparisons")
struct ApproximateTests {
    @Test("close: relative for large values, absolute near 0, purely relative with floor 0")
    func closeness() {
        #expect(close(1e6, 1e6 * (1 + 5e-13)))
        #expect(!close(1e6, 1e6 * (1 + 5e-12)))
        #expect(close(0, 5e-13))
        #expect(!close(0, 5e-13, floor: 0))
        #expect(close(1e-20, 1e-20 * (1 + 5e-13), floor: 0))
        #expect(close(.infinity, .infinity) && !close(.nan, .nan))
        #expect(close([1, 2], [1, 2 + 1e-13]) && !close([1, 2], [1]))
    }

    @Test("relativeError scales by the whole list")
    func listError() {
        #expect(relativeError([10, 0], [10, 1e-3]) == 1e-4)
        #expect(relativeError([1], [1, 2]) == .infinity)
        #expect(relativeError([0, 0], [0, 0]) == 0)
    }
}
