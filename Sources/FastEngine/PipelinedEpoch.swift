import BackpropEngine
import CKernels
import CPrefetch
import Foundation

/// One epoch of mini-batch SGD on several threads that split the first layer by its
/// *rows* — the inputs k — and pass each example's running sum along, with the same
/// numbers as on one thread.
///
/// Thread i owns a run of rows of (w²)ᵀ (`FirstLayerSweep.rows`): it alone
/// gathers those inputs, updates those rows and multiplies by them. z²(e) = Σₖ xₖ(e)(w²)ᵀ[k]
/// is still summed over k ascending from +0, as one chain: thread 0 sums its rows' terms
/// for a pair of examples, publishes the pair, and thread 1 carries the same running
/// sums on through its rows while thread 0 goes on to the next pair — a pipeline over the
/// examples of the batch (`bpl_counter_publish`, `bpl_counter_wait`). The last thread
/// then computes σ, layers 3 to L, BP1, BP2 and their updates (so it owns fewer rows:
/// `tailFraction`) and publishes δ², which every thread needs for its rows' share of the
/// first layer's update, w²ⱼₖ → decay·w²ⱼₖ − step·Σₑ xₖ(e)δ²ⱼ(e) (e ascending, as the
/// textbook sums). Each thread asks for its share of the data two batches ahead
/// (`prefetch(stage:…)`).
///
/// Each thread works on whole rows (all of layer 2's neurons) and only on its share of
/// each example's non-zero inputs, so no thread repeats the work per input (gathering,
/// indices, loop control) and the rows stay in their owner's cache. (The threads used to
/// split the columns instead, each walking every input for its share of the neurons and
/// all of them repeating layers 3…L: measured slower, see README "Speed".) Every number
/// is the textbook's, whatever the number of threads.
///
/// The threads can stop after any mini-batch and hand the rest of the epoch to one
/// thread (`run(from:)` starts them again later): `FastNetwork.epoch` does so when
/// their waits keep sleeping, a sign that other programs have the cores (`BusyCores`).
///
/// Ordering. Thread i < last updates its rows for batch t − 1 (reading δ²(t − 1)) before
/// its products of batch t, and the last thread overwrites δ² (backward of batch t) only
/// after those products reached it; Z²/A² is written for batch t only after δ²(t − 1) is
/// published, so after the last thread has finished reading A²(t − 1). So one δ² and
/// one A² suffice.
final class PipelinedEpoch<S: FastScalar>: @unchecked Sendable {
    // @unchecked Sendable: each thread writes only its own rows of w², its own sweep's
    // records, and the Z² rows of the examples it holds (handed on by the counters); the
    // last thread alone writes everything else.

    private let workspaces: [BatchWorkspace<S>]
    /// Per thread i, the example pairs it has finished over the epoch; then (index
    /// `workspaces.count`) the batches whose δ² is published; then (`stopIndex`) 0, or
    /// the number of batches after which the threads stop (`BusyCores`).
    private let counters: OpaquePointer?
    private var stopIndex: Int { workspaces.count + 1 }
    /// When the threads stop early for a busy machine, or nil to never stop.
    private let busyCores: BusyCores?
    /// Z² and then A² of the batch in progress, rows of layer 2's width.
    private let firstActivations: AlignedBuffer<S>

    /// The threads' workspaces: one per thread, their first-layer `rows` consecutive,
    /// disjoint and covering the inputs, all columns, all of the same capacity (≤ `FirstLayerSweep.maximumColumnExamples`).
    init(_ workspaces: [BatchWorkspace<S>], busyCores: BusyCores?) {
        self.workspaces = workspaces
        self.busyCores = busyCores
        // More threads than cores: the thread waited for is likely not running, so sleep at once.
        counters = bpl_counters_create(workspaces.count + 2, Self.exceedsCores(workspaces.count) ? 0 : 1)
        let first = workspaces[0]
        firstActivations = AlignedBuffer(count: first.capacity * first.layout.widths[0], repeating: 0)
    }

    deinit { bpl_counters_destroy(counters) }

    /// Whether `threads` training threads are more than the cores this process may use.
    static func exceedsCores(_ threads: Int) -> Bool {
        threads > ProcessInfo.processInfo.activeProcessorCount
    }

    /// Examples handed from stage to stage at a time: two, which the products kernel runs
    /// in step. (Measured with `bench` on 2 threads: one at a time was slower, four or five
    /// no faster.)
    static var handoff: Int { 2 }

    /// The workspaces for `parts` threads: the first layer's rows (inputs) split into runs
    /// by the non-zero inputs of `data` behind them (each boundary the nearest to its
    /// share), the last stage's share smaller by the rest of the step it also does: with τ
    /// that work as a fraction of the first layer's (`tailFraction`, or `tail`), every
    /// stage but the last gets (1 + τ)/parts of the non-zero inputs and the last
    /// (1 − (parts − 1)τ)/parts, so that all do about the same work.
    static func workspaces(layout: FastLayout, capacity: Int, kernels: KernelSet, parts: Int,
                           data: PackedDataSet, tail: Double? = nil) -> [BatchWorkspace<S>] {
        let inputs = layout.sizes[0], parts = max(1, min(parts, inputs))
        var before = [0]                                // non-zero inputs among inputs 0..<k
        for k in 0..<inputs { before.append(before[k] + (k < data.nonZerosPerInput.count ? data.nonZerosPerInput[k] : 0)) }
        let total = Double(before[inputs])
        let tau = tail ?? tailFraction(layout: layout, nonZerosPerExample: total / Double(max(data.count, 1)))
        var bounds = [0]
        for part in 1..<parts {
            let share = total * min(Double(part) * (1 + tau) / Double(parts), 1)
            let candidates = (bounds[part - 1] + 1)...(inputs - (parts - part))
            let distance = { (k: Int) in abs(Double(before[k]) - share) }
            bounds.append(candidates.min { distance($0) < distance($1) } ?? candidates.upperBound)
        }
        bounds.append(inputs)
        return (0..<parts).map { part in
            BatchWorkspace(layout: layout, capacity: capacity, nonZeros: 0, kernels: kernels,
                           rows: bounds[part]..<bounds[part + 1])
        }
    }

    /// The epoch of `FastNetwork.epoch` from mini-batch `start` on, with one thread per
    /// workspace (this one, the last stage, included), until the end or until the threads
    /// step aside for a busy machine (`BusyCores`): returns the mini-batches done from
    /// the epoch's start, each with its whole update applied — `start` when there is no
    /// memory for the counters.
    func run(_ p: UnsafeMutablePointer<S>, cost: Cost, data: PackedDataSet, batches: FastNetwork.Batches, from start: Int = 0,
             eta: Double, decay: Double, onMiniBatch: ((Int, Int) -> Void)?) -> Int {
        guard counters != nil else { return start }
        let job = Job(data: data, batches: batches, start: start, cost: cost, eta: eta, decay: S(decay), parameters: p)
        let group = DispatchGroup()
        for stage in 0..<(workspaces.count - 1) {
            group.enter()
            let thread = Thread { [self] in
                _ = train(stage: stage, job: job, onMiniBatch: nil)
                group.leave()
            }
            thread.name = "FastEngine training \(stage + 1)"
            thread.start()
        }
        let done = train(stage: workspaces.count - 1, job: job, onMiniBatch: onMiniBatch)
        group.wait()
        return done
    }

    private struct Job: @unchecked Sendable {
        // @unchecked Sendable: the batch order and the data are only read during the
        // epoch; the parameters are written as the type's notes say.
        var data: PackedDataSet
        var batches: FastNetwork.Batches
        /// The first mini-batch to train.
        var start: Int
        var cost: Cost
        var eta: Double
        var decay: S
        var parameters: UnsafeMutablePointer<S>
    }

    /// Asks for what stage `stage` will read of the batch after next (the batch starting at
    /// `k` being done): its share of those examples' inputs, their targets for the last
    /// stage, and for the first stage the row starts of the batch after that, which the
    /// next call reads. Two batches ahead, so that the data has a whole batch's time to
    /// arrive; each stage only its share, so no stage waits on the others' lines
    /// (timed per stage on 2 threads, three epochs each: the first stage's gathering took
    /// 3.4–3.5 µs a batch and its prefetching 1.1 µs before, 2.6–2.9 and 0.5–0.6 µs with
    /// this and the binary search in `bpl_gather`). The last stage asks after publishing δ², when the
    /// others are no longer waiting for it.
    private func prefetch(stage: Int, rows: PackedDataSet.Rows<S>, batches: FastNetwork.Batches, after k: Int) {
        let n = batches.count, size = batches.size, ahead = k + 2 * size
        guard ahead < n else { return }
        let last = workspaces.count - 1
        rows.prefetch(batches.order + ahead, m: min(size, n - ahead), share: stage, of: workspaces.count,
                      targets: stage == last)
        if stage == 0 {
            for e in stride(from: ahead + size, to: min(ahead + 2 * size, n), by: 1) {
                backproplab_prefetch(rows.rowStarts + batches.order[e])
            }
        }
    }

    /// The last stage's own work each mini-batch — σ, layers 3…L, BP1 and BP2 for every
    /// example, and their updates — as a fraction τ of the first layer's work (gathering,
    /// updating and multiplying by its rows), which the stages share:
    ///
    ///     τ = 216 / (ν (4 + V))
    ///
    /// with ν the data's non-zero inputs per example and V the 32-byte vectors in a row of
    /// (w²)ᵀ (the first layer's work per non-zero input: about 4 vectors' worth of
    /// gathering, plus V for the update and the products). The constants are fitted to
    /// alternating `bench` runs of the book's network on 2 threads: the fastest first-stage
    /// shares were about 0.56 in Double (τ = 0.12: ν = 150, V = 8) and 0.59 in Float
    /// (τ = 0.18, V = 4), and nearer 0.5 for the dense variant (ν = 390) and for
    /// [784, 100, 10] (V = 26), as the formula gives. At most 0.5.
    static func tailFraction(layout: FastLayout, nonZerosPerExample: Double) -> Double {
        let vectors = Double(layout.widths[0] * MemoryLayout<S>.stride) / 32
        return min(216 / (max(nonZerosPerExample, 1) * (4 + vectors)), 0.5)
    }

    /// Stage `stage`'s epoch: per batch, gather its inputs, its rows' pending update, its
    /// rows' products pair by pair (after the previous stage's), and for the last stage
    /// the rest of the step. Returns the batches done.
    ///
    /// Stopping early: at the end of batch i the last stage may set the stop counter to
    /// i + 2 (before it publishes δ²(i)). Every stage looks at the counter before
    /// gathering a batch j: by then it has waited for δ²(j − 2), so a stop set at the end
    /// of batch j − 2 is seen there, and a stop set later is at least j + 1. So all stages
    /// stop after the same batch, and each then applies its pending update.
    private func train(stage: Int, job: Job, onMiniBatch: ((Int, Int) -> Void)?) -> Int {
        let workspace = workspaces[stage], sweep = workspace.sweep, last = workspaces.count - 1
        let deltaOwner = workspaces[last]
        let batches = job.batches, n = batches.count, size = batches.size
        let batchCount = (n + size - 1) / size, width = workspace.layout.widths[0]
        let data = job.data, cost = job.cost, decay = job.decay, eta = job.eta, p = job.parameters
        let rows = data.rows(S.self), weights = UnsafePointer(p + workspace.layout.weightOffsets[0])
        let z = firstActivations.pointer
        workspace.sharedFirstActivation = z
        var pending: FirstLayerSweep<S>.Update?
        var pairsDone = 0, done = batchCount, stopping = false
        var sleepsBefore = bpl_counters_sleeps(counters)
        withExtendedLifetime(data) {
            for index in job.start..<batchCount {
                let k = index * size
                let stop = bpl_counter_value(counters, stopIndex)
                if stop > 0 && index >= stop {
                    done = index
                    break
                }
                let m = min(size, n - k), batch = batches.order + k
                sweep.gather(rows: rows, batch: batch, m: m)
                if let update = pending {
                    if stage != last { bpl_counter_wait(counters, workspaces.count, index) }     // δ² of batch index − 1
                    sweep.update(update)
                    pending = nil
                }
                for first in stride(from: 0, to: m, by: Self.handoff) {
                    let pair = first..<min(first + Self.handoff, m)
                    if stage == 0 {
                        for e in pair { (z + e * width).initialize(repeating: 0, count: width) }
                    } else {
                        bpl_counter_wait(counters, stage - 1, pairsDone + 1)
                    }
                    sweep.multiply(examples: pair, weights: weights, rows: rows, m: m, z: z)
                    pairsDone += 1
                    bpl_counter_publish(counters, stage, pairsDone)
                }
                sweep.finishBatch()
                if stage != last { prefetch(stage: stage, rows: rows, batches: batches, after: k) }
                let step = S(eta / Double(m))
                if stage == last {
                    workspace.activateFirstLayer(parameters: p, m: m)
                    workspace.forwardUpperLayers(parameters: p, m: m)
                    workspace.backward(parameters: p, data: data, batch: batch, m: m, cost: cost)
                    pending = workspace.descend(p, decay: decay, step: step, data: data, batch: batch, m: m)
                    if let busyCores, !stopping, index + 2 < batchCount {
                        let sleeps = bpl_counters_sleeps(counters)
                        if busyCores.stepsAside(afterBatches: index + 1, sleeps: sleeps, before: sleepsBefore) {
                            bpl_counter_publish(counters, stopIndex, index + 2)
                            stopping = true
                        }
                        if (index + 1) % busyCores.interval == 0 { sleepsBefore = sleeps }
                    }
                    bpl_counter_publish(counters, workspaces.count, index + 1)
                    prefetch(stage: stage, rows: rows, batches: batches, after: k)
                    onMiniBatch?(index + 1, batchCount)
                } else {
                    pending = FirstLayerSweep<S>.Update(target: p + workspace.layout.weightOffsets[0],
                                                        delta: deltaOwner.delta(0), decay: decay, step: step)
                }
            }
            if let update = pending {
                if stage != last { bpl_counter_wait(counters, workspaces.count, done) }
                sweep.update(update)
            }
        }
        return done
    }
}
