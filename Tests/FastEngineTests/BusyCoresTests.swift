import Foundation
import Testing
import BackpropEngine
@testable import FastEngine

/// The training threads step aside for a busy machine and come back (`BusyCores`),
/// without changing a single bit of the result.
@Suite("BusyCores: the threads step aside for a busy machine, same numbers")
struct BusyCoresTests {
    /// A policy that steps aside at every look (0 sleeps needed), every 2 batches, for 3
    /// batches and then twice as many each time.
    static let always = BusyCores(interval: 2, sleeps: 0, rest: 3, longestRest: 100, cleanRun: 100)

    /// Both engines trained on `count` random examples for [150, 30, 10], batches of 10.
    func train(seed: UInt64, count: Int, epochs: Int, lambda: Double = 0, threads: Int,
               _ busyCores: BusyCores) throws -> BothEngines {
        var generator = SeededGenerator(seed: seed)
        let network = try Network(sizes: [150, 30, 10], generator: &generator)
        let data = randomExamples(count, sizes: [150, 30, 10], generator: &generator)
        return try BothEngines(network, data, generator: generator, epochs: epochs, miniBatchSize: 10, eta: 0.5,
                               lambda: lambda, threads: threads, busyCores: busyCores)
    }

    func bitForBit(_ both: BothEngines) -> Bool {
        both.fast.network.parameters.map(\.bitPattern) == both.textbook.parameters.map(\.bitPattern)
    }

    /// With `always`, 20 batches an epoch go: threads 0–2 (the stop is set at the end of
    /// batch 1, for after batch 2), one thread 3–5, threads 6–8, one thread 9–14, threads
    /// 15–16, one thread 17–19 (3 of its 12); then in epoch 2 one thread 0–8 (the other
    /// 9), threads 9–10, one thread 11–19 (9 of 24): 12 + 18 batches alone.
    @Test("stepping aside mid-epoch and coming back keeps the textbook's numbers, bit for bit", arguments: [2, 3])
    func mixedEpoch(threads: Int) throws {
        for lambda in [0.0, 0.7] {
            let both = try train(seed: 5, count: 200, epochs: 2, lambda: lambda, threads: threads, Self.always)
            #expect(bitForBit(both), "\(threads) threads, λ = \(lambda)")
            #expect(both.fast.batchesOnOneThread == 12 + 18)
        }
    }

    @Test("an idle policy never steps aside, and one thread has nothing to step aside from")
    func counts() throws {
        var never = Self.always
        never.sleeps = .max
        #expect(try train(seed: 6, count: 60, epochs: 1, threads: 2, never).fast.batchesOnOneThread == 0)
        #expect(try train(seed: 6, count: 60, epochs: 1, threads: 1, Self.always).fast.batchesOnOneThread == 0)
    }

    /// More threads than cores: every wait sleeps, which the standard policy would read
    /// as a busy machine; but the threads were asked for, so they keep training.
    @Test("asked for more threads than cores, the standard policy keeps to them")
    func moreThreadsThanCores() throws {
        let both = try train(seed: 7, count: 700, epochs: 1, threads: ProcessInfo.processInfo.activeProcessorCount + 1,
                             .standard)
        #expect(both.fast.batchesOnOneThread == 0)
        #expect(bitForBit(both))
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

    @Test("a backoff kept by the last sgd call goes on within half a second; later, or none, starts afresh")
    func carried() {
        let kept = BusyCores.Backoff(owed: 100, next: 1024), then = ContinuousClock.now
        #expect(BusyCores.resumed(from: (kept, then), at: then + .milliseconds(499)) == kept)
        #expect(BusyCores.resumed(from: (kept, then), at: then + .milliseconds(500)) == BusyCores.standard.fresh)
        #expect(BusyCores.resumed(from: nil, at: then) == BusyCores.standard.fresh)
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
