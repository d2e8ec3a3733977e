import Foundation
import Testing
import BackpropEngine
@testable import FastEngine

/// The training threads step aside for a busy machine and come back (`BusyCores`),
/// without changing a single bit of the result.
@Suite("BusyCores: the threads step aside for a busy machine, same numbers")
struct BusyCoresTests {
    /// With a policy that always steps aside (0 sleeps needed, a look every 2 batches,
    /// one thread for 3 batches and then twice as many each time), 20 batches an epoch
    /// go: threads 0–2 (the stop is set at the end of batch 1, for after batch 2), one
    /// thread 3–5, threads 6–8, one thread 9–14, threads 15–16, one thread 17–19 (3 of
    /// its 12); then in epoch 2 one thread 0–8 (the other 9), threads 9–10, one thread
    /// 11–19 (9 of 24): 12 + 18 batches alone.
    @Test("stepping aside mid-epoch and coming back keeps the textbook's numbers, bit for bit", arguments: [2, 3])
    func mixedEpoch(threads: Int) throws {
        for lambda in [0.0, 0.7] {
            var generator = SeededGenerator(seed: 5)
            let network = try Network(sizes: [150, 30, 10], generator: &generator)
            let data = randomExamples(200, sizes: [150, 30, 10], generator: &generator)
            let both = try BothEngines(network, data, generator: generator, epochs: 2, miniBatchSize: 10, eta: 0.5,
                                       lambda: lambda, threads: threads,
                                       busyCores: BusyCores(interval: 2, sleeps: 0, rest: 3, longestRest: 100, cleanRun: 100))
            let same = both.fast.network.parameters.map(\.bitPattern) == both.textbook.parameters.map(\.bitPattern)
            #expect(same, "\(threads) threads, λ = \(lambda)")
            #expect(both.fast.batchesOnOneThread == 12 + 18)
        }
    }

    @Test("an idle policy never steps aside, and one thread has nothing to step aside from")
    func counts() throws {
        var generator = SeededGenerator(seed: 6)
        let network = try Network(sizes: [150, 30, 10], generator: &generator)
        let data = randomExamples(60, sizes: [150, 30, 10], generator: &generator)
        let never = try BothEngines(network, data, generator: generator, epochs: 1, miniBatchSize: 10, eta: 0.5,
                                    threads: 2, busyCores: BusyCores(interval: 2, sleeps: .max, rest: 3, longestRest: 100, cleanRun: 100))
        #expect(never.fast.batchesOnOneThread == 0)
        let one = try BothEngines(network, data, generator: generator, epochs: 1, miniBatchSize: 10, eta: 0.5,
                                  threads: 1, busyCores: BusyCores(interval: 2, sleeps: 0, rest: 3, longestRest: 100, cleanRun: 100))
        #expect(one.fast.batchesOnOneThread == 0)
    }

    /// More threads than cores: every wait sleeps, which the standard policy would read
    /// as a busy machine; but the threads were asked for, so they keep training.
    @Test("asked for more threads than cores, the standard policy keeps to them")
    func moreThreadsThanCores() throws {
        var generator = SeededGenerator(seed: 7)
        let network = try Network(sizes: [150, 30, 10], generator: &generator)
        let data = randomExamples(700, sizes: [150, 30, 10], generator: &generator)
        let both = try BothEngines(network, data, generator: generator, epochs: 1, miniBatchSize: 10, eta: 0.5,
                                   threads: ProcessInfo.processInfo.activeProcessorCount + 1, busyCores: .standard)
        #expect(both.fast.batchesOnOneThread == 0)
        let same = both.fast.network.parameters.map(\.bitPattern) == both.textbook.parameters.map(\.bitPattern)
        #expect(same)
    }

    @Test("one thread's stretches double while the threads keep stepping aside after short runs, up to the longest; a long run starts again")
    func backoff() {
        let policy = BusyCores(interval: 2, sleeps: 0, rest: 3, longestRest: 10, cleanRun: 50)
        var backoff = policy.fresh
        var stretches: [Int] = []
        for ran in [2, 2, 2, 2, 60, 2] {
            policy.steppedAside(afterRunning: ran, &backoff)
            stretches.append(backoff.owed)
        }
        #expect(stretches == [3, 6, 10, 10, 3, 6])
    }

    @Test("the standard policy: 8 sleeps within 32 batches, looked at every 32nd batch")
    func standard() {
        let policy = BusyCores.standard
        #expect(policy.stepsAside(afterBatches: 32, sleeps: 8, before: 0))
        #expect(!policy.stepsAside(afterBatches: 32, sleeps: 7, before: 0))
        #expect(!policy.stepsAside(afterBatches: 31, sleeps: 100, before: 0))
        #expect(policy.stepsAside(afterBatches: 64, sleeps: 20, before: 12))
        #expect(!policy.stepsAside(afterBatches: 64, sleeps: 20, before: 13))
    }
}
