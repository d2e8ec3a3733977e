import Synchronization

/// When the training threads step aside for a busy machine.
///
/// The pipelined epoch (`PipelinedEpoch`) hands work between its threads several times
/// a mini-batch, a microsecond or two apart, so it is only fast while every thread has a
/// core. When other programs take the cores — two trainings started at once on a 2-core
/// machine — the thread waited for is often not running: the waits run out of spins and
/// sleep, and every hand-over costs a wake-up. Measured with `mnist train --epochs 5`
/// twice at once on this 2-core VM, two threads each: "5 epochs in 2.75 s" and "2.97 s",
/// against 0.45 s for one run alone and 0.47 s / 0.56 s for the two at once on one thread
/// each. With this policy the two at once printed 0.49–0.69 s each (README, "Speed").
///
/// So the last thread counts, every `interval` mini-batches, the waits that slept; at
/// `sleeps` or more the threads finish the mini-batch after next, apply what they hold,
/// and one thread trains the next `rest` mini-batches; then the threads try again. Each
/// further time they step aside after a short run, one thread trains twice as long (up
/// to `longestRest`), so that lasting contention costs few tries; after a run of
/// `cleanRun` mini-batches or more, `rest` again. Results do not change: the one thread
/// computes every number in the same order.
///
/// A healthy pipeline seldom sleeps: in `bench` runs on this VM, windows of 32
/// mini-batches had at most 5 sleeps, except for bursts of 33 to 51 when the host took
/// a core away for a while; starved ones step aside at once (the two runs at once
/// trained 24,815 of their 25,000 mini-batches on one thread). So 8 in 32 mini-batches
/// separates the two; a burst costs one thread for 256 mini-batches (one thread's epoch
/// of 5,000 took 0.0812 s, so about 4 ms).
struct BusyCores: Sendable, Equatable {
    /// Mini-batches between looks at the sleeps.
    var interval: Int
    /// Sleeps within one interval that mean the threads are not getting the cores.
    var sleeps: Int
    /// Mini-batches one thread trains when the threads step aside after a long run.
    var rest: Int
    /// The most mini-batches one thread trains before the threads try again.
    var longestRest: Int
    /// A run of the threads this long means the machine had become free again.
    var cleanRun: Int

    /// The threads step aside after 8 sleeps within 32 mini-batches, for 256 mini-batches
    /// (about 4 ms on one thread, at 0.0812 s per 5,000), then 512, 1024, … up to 65,536
    /// (about 1 s) while the machine stays busy; back to 256 after 4096 mini-batches on
    /// the threads.
    static let standard = BusyCores(interval: 32, sleeps: 8, rest: 256, longestRest: 1 << 16, cleanRun: 4096)

    /// Whether the sleeps of the interval that ends after `batches` mini-batches (total
    /// `sleeps` so far, `before` at the interval's start) mean the threads should stop.
    func stepsAside(afterBatches batches: Int, sleeps total: Int, before: Int) -> Bool {
        batches % interval == 0 && total - before >= sleeps
    }

    /// Where the threads stand with one thread's stretches.
    struct Backoff: Sendable, Equatable {
        /// Mini-batches one thread still trains before the threads try again.
        var owed = 0
        /// The stretch the next stepping aside after a short run asks for.
        var next: Int
    }

    /// A backoff with nothing owed.
    var fresh: Backoff { Backoff(next: rest) }

    /// The threads stepped aside after a run of `ran` mini-batches: one thread owes a
    /// stretch, `rest` after a long run, else the next, twice as long as the last.
    func steppedAside(afterRunning ran: Int, _ backoff: inout Backoff) {
        let stretch = ran >= cleanRun ? rest : backoff.next
        backoff.owed = stretch
        backoff.next = min(2 * stretch, longestRest)
    }

    /// The standard policy's backoff between `sgd` calls, with when it was kept: how busy
    /// the machine has been belongs to the machine, not to one network (`mnist train`
    /// makes a `FastNetwork` for each epoch, `bench` calls `sgd` once per epoch).
    private static let carried = Mutex<(backoff: Backoff, kept: ContinuousClock.Instant)?>(nil)

    /// How long a kept backoff holds: longer than the scoring between two of `mnist
    /// train`'s epochs (10,000 images, a few hundredths of a second), so that a busy
    /// machine's backoff goes on from epoch to epoch; a later run starts afresh.
    static let memory = Duration.milliseconds(500)

    /// The backoff the last `sgd` call kept, if it ended within `memory`; else a fresh one.
    static func resumed() -> Backoff {
        carried.withLock { resumed(from: $0, at: .now) }
    }

    /// `state`'s backoff if it was kept less than `memory` before `now`, else a fresh one.
    static func resumed(from state: (backoff: Backoff, kept: ContinuousClock.Instant)?,
                        at now: ContinuousClock.Instant) -> Backoff {
        guard let state, state.kept.duration(to: now) < memory else { return standard.fresh }
        return state.backoff
    }

    /// Keeps `backoff` for the next `sgd` call.
    static func keep(_ backoff: Backoff) {
        carried.withLock { $0 = (backoff, .now) }
    }
}
