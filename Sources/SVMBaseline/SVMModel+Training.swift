import CLibSVM
import Foundation
import Synchronization

/// LIBSVM refused the training problem or its settings.
public struct SVMTrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// How far training has got, for the progress line.
public struct SVMTrainingProgress: Equatable, Sendable {
    /// Pairwise machines finished.
    public var finishedMachines: Int
    /// Pairwise machines in all: k(k − 1)/2 for k classes (45 for ten digits).
    public var machines: Int
    /// Thousands of SMO iterations of the machine being trained.
    public var iterationThousands: Int
}

extension SVMModel {
    /// Trains a C-SVC with `parameters` on `digits` (LIBSVM's `svm_train`: for each of the
    /// k(k − 1)/2 pairs of classes, SMO on the dual
    /// min ½αᵀQα − eᵀα subject to yᵀα = 0, 0 ≤ αᵢ ≤ C, with Qᵢⱼ = yᵢyⱼK(xᵢ, xⱼ)).
    ///
    /// LIBSVM trains on one thread (Debian's build has no OpenMP), and its solver cannot be
    /// stopped from outside. So it runs on its own thread while the calling thread calls
    /// `progress` about every 0.2 s and polls `shouldStop()`; when that turns true this
    /// returns nil at once, with the solver still running — the caller is expected to
    /// exit (nothing has been written by then).
    ///
    /// - Throws: `SVMTrainingError` when LIBSVM's `svm_check_parameter` rejects the setup.
    public static func train(
        _ digits: SparseDigits,
        parameters: SVMParameters,
        progress: (SVMTrainingProgress) -> Void = { _ in },
        shouldStop: () -> Bool = { false }
    ) throws(SVMTrainingError) -> SVMModel? {
        let classes = Set(digits.labels).count
        guard classes >= 2 else {
            throw SVMTrainingError(message: "the training images show \(classes) digit\(classes == 1 ? "" : "s"); an SVM needs at least two")
        }
        var parameter = parameters.libsvm
        var problem = svm_problem(l: Int32(digits.count), y: digits.targets.baseAddress, x: digits.rows.baseAddress)
        if let message = svm_check_parameter(&problem, &parameter) {
            throw SVMTrainingError(message: "LIBSVM: \(String(cString: message))")
        }
        LIBSVMLog.reset()
        let result = TrainedModel()
        let finished = DispatchSemaphore(value: 0)
        let worker = Thread {
            var parameter = parameters.libsvm
            var problem = svm_problem(l: Int32(digits.count), y: digits.targets.baseAddress, x: digits.rows.baseAddress)
            let model = svm_train(&problem, &parameter)
            result.model.withLock { $0 = model.map { SVMModel(model: $0, storage: digits) } }
            finished.signal()
        }
        worker.stackSize = 8 << 20
        worker.start()
        let machines = classes * (classes - 1) / 2
        while finished.wait(timeout: .now() + 0.2) == .timedOut {
            if shouldStop() { return nil }
            progress(SVMTrainingProgress(
                finishedMachines: LIBSVMLog.finishedMachines.load(ordering: .relaxed),
                machines: machines,
                iterationThousands: LIBSVMLog.iterationMarks.load(ordering: .relaxed)))
        }
        guard let model = result.model.withLock({ $0 }) else {
            throw SVMTrainingError(message: "LIBSVM's svm_train returned no model")
        }
        return model
    }

    /// LIBSVM's warnings during the last training ("reaching max number of iterations").
    public static var trainingWarnings: [String] { LIBSVMLog.warnings.withLock { $0 } }
}

/// Hands the model from the training thread to the caller.
private final class TrainedModel: Sendable {
    let model = Mutex<SVMModel?>(nil)
}
