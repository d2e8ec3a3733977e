import CLibSVM
import Foundation
import Synchronization

/// Where LIBSVM's chatter goes. LIBSVM prints through one process-wide function
/// (`svm_set_print_string_function`); by default to stdout, which would mix its dots into
/// our tables and JSON. This routes it into counters instead, which the progress line
/// reads: the solver prints "." every 1,000 iterations (min(l, 1000) for tiny problems)
/// and "optimization finished, #iter = N" when one pairwise machine is done. Its
/// warnings ("reaching max number of iterations") are kept and reported.
enum LIBSVMLog {
    /// Pairwise machines finished since `reset()`.
    static let finishedMachines = Atomic<Int>(0)
    /// "." marks since the last finished machine: thousands of SMO iterations.
    static let iterationMarks = Atomic<Int>(0)
    /// LIBSVM's warnings, verbatim (trimmed).
    static let warnings = Mutex<[String]>([])

    /// Routes LIBSVM's output here and zeroes the counters (call before training).
    static func reset() {
        finishedMachines.store(0, ordering: .relaxed)
        iterationMarks.store(0, ordering: .relaxed)
        warnings.withLock { $0.removeAll() }
        svm_set_print_string_function { text in
            guard let text else { return }
            LIBSVMLog.record(String(cString: text))
        }
    }

    /// Counts one message of LIBSVM's (it prints in pieces: ".", "*", whole lines).
    static func record(_ text: String) {
        if text.contains("optimization finished") {
            finishedMachines.add(1, ordering: .relaxed)
            iterationMarks.store(0, ordering: .relaxed)
        } else if text.contains("WARNING") {
            let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
            warnings.withLock { $0.append(line) }
        } else {
            iterationMarks.add(text.filter { $0 == "." }.count, ordering: .relaxed)
        }
    }
}
