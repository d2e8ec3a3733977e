import CKernels
import Foundation

/// What one hand-over between the training threads costs on this machine right now.
///
/// The pipelined epoch (`PipelinedEpoch`) passes every mini-batch between its threads:
/// the first thread's running sums z² to the last, δ² back, each signalled by a counter on
/// a cache line of its own (`bpl_counter_publish`, `bpl_counter_wait`). Each of those
/// lines goes from one core's cache to the other's, so the epoch pays the time a line
/// takes to cross. On a virtual machine that time depends on where the host runs the
/// virtual CPUs and can change from minute to minute: in 90 `bench` runs on the 2-core
/// VM of README "Speed" this round trip was 65–97 ns before and after the timings in 79
/// and 311–394 ns in 5, and two-thread epochs of [784, 30, 10] took 0.0464–0.0491 s
/// (one 0.0550) and 0.0664–0.0684 s in the two states, while one thread was unaffected.
/// `bench` prints this figure before and after its timings so that a run says which state
/// it ran in.
public enum HandOver {
    /// The mean time, in nanoseconds, for a counter to go from this thread to a second
    /// one and back, over `rounds` round trips through the pipeline's own counters (after
    /// as many untimed ones, so that both threads are running and spinning); nil with
    /// fewer than two cores, where the second thread could only run while this one waits.
    /// The threads are not pinned: the system places them as it places training threads.
    public static func roundTripNanoseconds(rounds: Int = 20_000) -> Double? {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2, rounds > 0,
              let counters = Counters(bpl_counters_create(2, 1)) else { return nil }
        defer { bpl_counters_destroy(counters.pointer) }
        let total = 2 * rounds
        let answered = DispatchSemaphore(value: 0)
        let thread = Thread {
            for round in 1...total {
                bpl_counter_wait(counters.pointer, 0, round)
                bpl_counter_publish(counters.pointer, 1, round)
            }
            answered.signal()
        }
        thread.name = "FastEngine hand-over"
        thread.start()
        var start = ContinuousClock.now
        for round in 1...total {
            if round == rounds + 1 { start = .now }
            bpl_counter_publish(counters.pointer, 0, round)
            bpl_counter_wait(counters.pointer, 1, round)
        }
        let elapsed = ContinuousClock.now - start
        answered.wait()
        let (seconds, attoseconds) = elapsed.components
        return (Double(seconds) * 1e9 + Double(attoseconds) * 1e-9) / Double(rounds)
    }

    /// The counters, handed to the answering thread.
    private struct Counters: @unchecked Sendable {
        // @unchecked Sendable: the counters are atomics meant to be shared between threads.
        let pointer: OpaquePointer

        init?(_ pointer: OpaquePointer?) {
            guard let pointer else { return nil }
            self.pointer = pointer
        }
    }
}
