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
    /// fewer than two cores, where the second thread could only run while this one waits
    /// (or for `rounds` outside 1…2³⁰ − 1).
    /// It stops after `longest` (checked every 1,024 round trips): on a machine busier than
    /// its cores the waits sleep and each round trip costs two wake-ups, so the figure then
    /// comes from the round trips done by then (the untimed ones if need be).
    /// The threads are not pinned: the system places them as it places training threads.
    public static func roundTripNanoseconds(rounds: Int = 20_000, longest: Duration = .milliseconds(500)) -> Double? {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2,
              (1...Int(Int32.max) / 2).contains(rounds),    // 2 × rounds fits the 32-bit counters
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
        let begin = ContinuousClock.now
        var start = begin, done = 0
        for round in 1...total {
            if round == rounds + 1 { start = .now }
            bpl_counter_publish(counters.pointer, 0, round)
            bpl_counter_wait(counters.pointer, 1, round)
            done = round
            if round % 1024 == 0, ContinuousClock.now - begin > longest { break }
        }
        let end = ContinuousClock.now
        bpl_counter_publish(counters.pointer, 0, total)     // lets the other thread run out at once
        answered.wait()
        let timed = done > rounds ? done - rounds : done
        let (seconds, attoseconds) = (end - (done > rounds ? start : begin)).components
        return (Double(seconds) * 1e9 + Double(attoseconds) * 1e-9) / Double(timed)
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
