import CLibSVM
import Foundation
import Synchronization

/// A trained LIBSVM classifier: the 45 one-vs-one machines over the ten digits. Image x
/// gets the digit that wins most of the pairwise votes, machine (i, j) voting i when
/// Σₛ αₛyₛK(xₛ, x) − ρᵢⱼ > 0 over its support vectors xₛ (ties go to the lower class index).
///
/// Owns the `svm_model`; a trained one also keeps the `SparseDigits` its support vectors
/// point into. LIBSVM's `svm_predict` only reads the model (it allocates its scratch per
/// call), so one model serves many threads at once.
public final class SVMModel: @unchecked Sendable {
    // @unchecked: `model` is never changed after init, and LIBSVM only reads it.
    let model: UnsafeMutablePointer<svm_model>
    /// The training rows a trained model's support vectors point into (nil when loaded).
    private let storage: SparseDigits?

    init(model: UnsafeMutablePointer<svm_model>, storage: SparseDigits?) {
        self.model = model
        self.storage = storage
    }

    deinit {
        var pointer: UnsafeMutablePointer<svm_model>? = model
        svm_free_and_destroy_model(&pointer)
    }

    /// The class labels (digits), in LIBSVM's order.
    public var labels: [Int] {
        let count = Int(svm_get_nr_class(model))
        var labels = [Int32](repeating: 0, count: count)
        svm_get_labels(model, &labels)
        return labels.map(Int.init)
    }

    /// The number of support vectors, over all machines (a vector shared by several
    /// machines of its class is stored and counted once).
    public var supportVectorCount: Int { Int(svm_get_nr_sv(model)) }

    /// Support vectors of each class, in the order of `labels`.
    public var supportVectorsPerClass: [Int] {
        let count = Int(svm_get_nr_class(model))
        guard let nSV = model.pointee.nSV else { return [] }
        return (0..<count).map { Int(nSV[$0]) }
    }

    /// The kernel parameter γ the model was trained with.
    public var gamma: Double { model.pointee.param.gamma }

    /// The digit the model answers for image `row` of `digits`.
    public func predict(_ digits: SparseDigits, row: Int) -> Int {
        Int(svm_predict(model, digits.rows[row]))
    }

    /// The answers for every image of `digits`, computed on `threads` threads, each taking
    /// a contiguous share; `progress(done)` is called about every 0.2 s on the calling
    /// thread. Returns nil if `shouldStop()` became true (checked between images).
    public func predictAll(
        _ digits: SparseDigits,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (Int) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) -> [Int]? {
        let count = digits.count
        let chunks = max(1, min(threads, count))
        let state = PredictionState(count: count)
        let finished = DispatchSemaphore(value: 0)
        let model = self
        let worker = Thread {
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for row in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    if shouldStop() {
                        state.stopped.store(true, ordering: .relaxed)
                        return
                    }
                    state.answers[row] = Int32(svm_predict(model.model, digits.rows[row]))
                    state.done.add(1, ordering: .relaxed)
                }
            }
            finished.signal()
        }
        worker.start()
        while finished.wait(timeout: .now() + 0.2) == .timedOut {
            progress(state.done.load(ordering: .relaxed))
        }
        guard !state.stopped.load(ordering: .relaxed) else { return nil }
        return state.answers.map(Int.init)
    }
}

/// What the prediction threads share: the answers (each thread writes its own range
/// only), how many are done, and whether they stopped early.
private final class PredictionState: @unchecked Sendable {
    let answers: UnsafeMutableBufferPointer<Int32>
    let done = Atomic<Int>(0)
    let stopped = Atomic<Bool>(false)

    init(count: Int) {
        answers = .allocate(capacity: count)
        answers.initialize(repeating: -1)
    }

    deinit { answers.deallocate() }
}
