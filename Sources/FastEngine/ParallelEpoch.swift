import BackpropEngine
import CKernels
import Foundation

/// One epoch of mini-batch SGD on several threads, with the same numbers as on one.
///
/// The first layer — its products z²(e) = Σₖ xₖ(e)(w²)ᵀ[k] and its update
/// w²ⱼₖ → decay·w²ⱼₖ − step·Σₑ xₖ(e)δ²ⱼ(e) — is nearly all of a step's work, and both
/// split cleanly by layer 2's neurons j (the columns of (w²)ᵀ): thread t owns a run of
/// columns (`BatchWorkspace.sweeps[t]`) and computes exactly those z²ⱼ, a²ⱼ = σ(z²ⱼ + b²ⱼ)
/// and w²ⱼₖ, each in the same order as on one thread (k ascending, e ascending). Every
/// number is therefore computed once, by one thread, the textbook's way, so the weights
/// do not depend on the number of threads. The rest of the step — layers 3 to L, BP1,
/// BP2, the biases and the upper weights, a few percent of the work — runs on the
/// calling thread while the others wait.
///
/// Per mini-batch, two barrier crossings (`bpl_barrier_wait`): "go" after the calling
/// thread has posted the batch, "done" when every thread has its columns. A batch is
/// 10–20 µs of work, so the barrier spins rather than sleeps.
final class ParallelEpoch<S: FastScalar>: @unchecked Sendable {
    // @unchecked Sendable: the job fields are written by the calling thread only between
    // barrier crossings and read by the workers only after the next one.

    private let workspace: BatchWorkspace<S>
    private let barrier: OpaquePointer?
    // The job of the current crossing.
    private var parameters: UnsafeMutablePointer<S>?
    private var data: PackedDataSet?
    private var batch: UnsafePointer<Int>?
    private var m = 0
    private var pending: FirstLayerSweep<S>.Update?
    private var upcoming: UnsafePointer<Int>?
    private var upcomingCount = 0
    private var stop = false

    init(_ workspace: BatchWorkspace<S>) {
        self.workspace = workspace
        barrier = bpl_barrier_create(workspace.parts)
    }

    deinit { bpl_barrier_destroy(barrier) }

    /// The epoch of `FastNetwork.epoch`, with `workspace.parts` threads (this one
    /// included); false, having done nothing, when there is no memory for the barrier.
    func run(_ p: UnsafeMutablePointer<S>, cost: Cost, data: PackedDataSet, batches: FastNetwork.Batches,
             eta: Double, decay: Double, onMiniBatch: ((Int, Int) -> Void)?) -> Bool {
        guard barrier != nil else { return false }
        parameters = p
        self.data = data
        for part in 1..<workspace.parts {
            let thread = Thread { [self] in work(part: part) }
            thread.name = "FastEngine training \(part)"
            thread.start()
        }
        let n = batches.count, size = batches.size
        let batchCount = (n + size - 1) / size
        for (index, k) in stride(from: 0, to: n, by: size).enumerated() {
            m = min(size, n - k)
            batch = batches.order + k
            upcoming = batches.order + k + m
            upcomingCount = min(size, n - k - m)
            cross()
            workspace.forwardUpperLayers(parameters: p, m: m)
            workspace.backward(parameters: p, data: data, batch: batches.order + k, m: m, cost: cost)
            pending = workspace.descend(p, decay: S(decay), step: S(eta / Double(m)), data: data,
                                        batch: batches.order + k, m: m)
            onMiniBatch?(index + 1, batchCount)
        }
        m = 0
        cross()                       // the last batch's first-layer update
        stop = true
        bpl_barrier_wait(barrier)     // the workers see `stop` and return
        self.data = nil
        return true
    }

    /// Posts the job, does part 0 of it here, and returns when every part is done.
    private func cross() {
        bpl_barrier_wait(barrier)
        doPart(0)
        bpl_barrier_wait(barrier)
    }

    private func work(part: Int) {
        while true {
            bpl_barrier_wait(barrier)
            if stop { return }
            doPart(part)
            bpl_barrier_wait(barrier)
        }
    }

    /// Part `part` of the posted job: the pending update and, if there is a batch, its
    /// first-layer feedforward.
    private func doPart(_ part: Int) {
        guard let p = parameters, let data else { return }
        if m > 0, let batch {
            workspace.forwardFirstLayer(part: part, parameters: p, data: data, batch: batch, m: m, after: pending,
                                        upcoming: upcoming, upcomingCount: upcomingCount)
        } else {
            workspace.finish(part: part, pending)
        }
    }
}
