import BackpropEngine
import CKernels
import Foundation

/// One epoch of mini-batch SGD on several threads, with the same numbers as on one.
///
/// The first layer — its products z²(e) = Σₖ xₖ(e)(w²)ᵀ[k] and its update
/// w²ⱼₖ → decay·w²ⱼₖ − step·Σₑ xₖ(e)δ²ⱼ(e) — is nearly all of a step's work, and it
/// splits cleanly by layer 2's neurons j (the columns of (w²)ᵀ): thread t owns a run of
/// columns (its own `BatchWorkspace`, whose `columns` they are) and computes exactly those
/// z²ⱼ, a²ⱼ = σ(z²ⱼ + b²ⱼ), δ²ⱼ (BP2), b²ⱼ and w²ⱼₖ, each in the same order as on one
/// thread (k ascending, e ascending, j ascending in BP2's sum). The rest of the step —
/// layers 3 to L forward, BP1, BP2 down to layer 3, and their updates, a few percent
/// of the work — every thread computes in full on its own copy of the parameters: the
/// same operations on the same numbers in the same order, so every copy holds the same
/// bits, and no thread waits while another does it. Every number therefore comes out as
/// the textbook computes it, and the weights do not depend on the number of threads.
///
/// The threads meet once per mini-batch (`bpl_barrier_wait`), when each has written its
/// columns of A² and every thread needs all of them. A² alternates between two buffers
/// from batch to batch, so a thread may write the next batch's columns while a slower
/// one still reads this batch's: before a buffer is written again, every thread has
/// passed the next meeting, and so has finished reading it.
final class ParallelEpoch<S: FastScalar>: @unchecked Sendable {
    // @unchecked Sendable: each thread writes only its own workspace, its own parameter
    // copy, and its own columns of the shared A² and of the parameters; what one thread
    // reads of another's writes (A²) it reads after the barrier that follows them.

    private let workspaces: [BatchWorkspace<S>]
    private let barrier: OpaquePointer?
    /// A² of the batch in progress, twice (even and odd batches), rows of layer 2's width.
    private let firstActivations: AlignedBuffer<S>

    /// The threads' workspaces: one per thread, their first-layer `columns` disjoint and
    /// covering layer 2, all of the same capacity.
    init(_ workspaces: [BatchWorkspace<S>]) {
        self.workspaces = workspaces
        barrier = bpl_barrier_create(workspaces.count)
        let first = workspaces[0]
        firstActivations = AlignedBuffer(count: 2 * first.capacity * first.layout.widths[0], repeating: 0)
    }

    deinit { bpl_barrier_destroy(barrier) }

    /// The workspaces for `parts` threads: layer 2's padded columns split into runs of
    /// whole 8-column chunks, at most one thread per chunk.
    static func workspaces(layout: FastLayout, capacity: Int, kernels: KernelSet, parts: Int) -> [BatchWorkspace<S>] {
        let chunks = layout.widths[0] / 8, parts = max(1, min(parts, chunks))
        return (0..<parts).map { part in
            BatchWorkspace(layout: layout, capacity: capacity, nonZeros: 0, kernels: kernels,
                           columns: 8 * (part * chunks / parts) ..< 8 * ((part + 1) * chunks / parts))
        }
    }

    /// The epoch of `FastNetwork.epoch` with one thread per workspace (this one included);
    /// false, having done nothing, when there is no memory for the barrier.
    func run(_ p: UnsafeMutablePointer<S>, cost: Cost, data: PackedDataSet, batches: FastNetwork.Batches,
             eta: Double, decay: Double, onMiniBatch: ((Int, Int) -> Void)?) -> Bool {
        guard barrier != nil else { return false }
        let length = workspaces[0].layout.parameterLength
        // Threads 1… work on copies of the parameters; thread 0 on the parameters.
        let copies = (1..<workspaces.count).map { _ in AlignedBuffer<S>(count: length, repeating: 0) }
        for copy in copies { copy.pointer.update(from: p, count: length) }
        let job = Job(data: data, batches: batches, cost: cost, eta: eta, decay: S(decay))
        for (part, copy) in copies.enumerated() {
            let thread = Thread { [self] in
                train(part: part + 1, parameters: copy.pointer, job: job, onMiniBatch: nil)
                bpl_barrier_wait(barrier)       // the end of the epoch
            }
            thread.name = "FastEngine training \(part + 1)"
            thread.start()
        }
        train(part: 0, parameters: p, job: job, onMiniBatch: onMiniBatch)
        bpl_barrier_wait(barrier)               // every thread has finished its columns
        // Each thread's columns of the first layer (w², b²) from its copy; the rest of
        // every copy equals the parameters already.
        let layout = workspaces[0].layout, width = layout.widths[0]
        for (part, copy) in copies.enumerated() {
            let columns = workspaces[part + 1].columns
            let rows = (0..<layout.sizes[0]).map { layout.weightOffsets[0] + $0 * width } + [layout.biasOffsets[0]]
            for row in rows {
                (p + row + columns.lowerBound).update(from: copy.pointer + row + columns.lowerBound, count: columns.count)
            }
        }
        return true
    }

    /// What every thread needs to know of the epoch.
    private struct Job: @unchecked Sendable {
        // @unchecked Sendable: the batch order and the data are only read during the epoch.
        var data: PackedDataSet
        var batches: FastNetwork.Batches
        var cost: Cost
        var eta: Double
        var decay: S
    }

    /// Thread `part`'s epoch on `parameters`: every batch's first layer in its columns,
    /// the meeting, then the rest of the step in full.
    private func train(part: Int, parameters p: UnsafeMutablePointer<S>, job: Job,
                       onMiniBatch: ((Int, Int) -> Void)?) {
        let workspace = workspaces[part], batches = job.batches, n = batches.count, size = batches.size
        let batchCount = (n + size - 1) / size, width = workspace.layout.widths[0]
        // Taken out of the job once: every thread reading `job.data` per call would retain
        // and release the set's buffers — the same objects on every thread — each batch.
        let data = job.data, cost = job.cost, decay = job.decay, eta = job.eta
        var pending: FirstLayerSweep<S>.Update?
        for (index, k) in stride(from: 0, to: n, by: size).enumerated() {
            let m = min(size, n - k), batch = batches.order + k
            workspace.sharedFirstActivation = firstActivations.pointer + (index % 2) * workspace.capacity * width
            workspace.forwardFirstLayer(parameters: p, data: data, batch: batch, m: m, after: pending,
                                        upcoming: batch + m, upcomingCount: min(size, n - k - m),
                                        aheadCount: max(0, min(size, n - k - m - size)))
            pending = nil
            bpl_barrier_wait(barrier)
            workspace.forwardUpperLayers(parameters: p, m: m)
            workspace.backward(parameters: p, data: data, batch: batch, m: m, cost: cost)
            pending = workspace.descend(p, decay: decay, step: S(eta / Double(m)), data: data, batch: batch, m: m)
            onMiniBatch?(index + 1, batchCount)
        }
        workspace.finish(pending)
    }
}
