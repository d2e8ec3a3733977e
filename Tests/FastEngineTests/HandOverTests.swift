import Foundation
import Testing
@testable import FastEngine

/// `HandOver.roundTripNanoseconds`: a finite positive figure on a machine with two cores
/// (what `bench` prints), nil for no rounds. How large it is belongs to `bench`, not to a
/// test.
@Suite("HandOver: the round trip between two training threads")
struct HandOverTests {
    @Test("two threads pass a counter back and forth and the mean round trip is measured",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two cores"))
    func measures() throws {
        let nanoseconds = try #require(HandOver.roundTripNanoseconds(rounds: 2_000))
        #expect(nanoseconds.isFinite && nanoseconds > 0)
    }

    @Test("past its time limit it stops and gives the figure of the round trips done",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two cores"))
    func stopsInTime() throws {
        let nanoseconds = try #require(HandOver.roundTripNanoseconds(rounds: 10_000_000, longest: .zero))
        #expect(nanoseconds.isFinite && nanoseconds > 0)
    }

    @Test("no rounds, no figure")
    func noRounds() {
        #expect(HandOver.roundTripNanoseconds(rounds: 0) == nil)
    }
}
