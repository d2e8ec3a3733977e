import Foundation
import TestSupport

/// The golden JSON files of this target (`Golden/`, rewritten by
/// `BACKPROPLAB_UPDATE_GOLDEN=1`), and the one normalisation they need.
enum JSONGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The golden text `name` (see `Golden.text`).
    static func text(_ name: String, actual: String) throws -> String {
        try Golden.text(name, in: directory, actual: actual)
    }

    /// `text` with the value of every member that depends on the machine or the moment
    /// replaced by `…`: wall-clock times (`seconds`, `seconds_…`, `trainingSeconds`,
    /// `predictionSeconds`, bench's `timesFast` ratios), the peak memory, the cores and the
    /// threads the SVM predicted on and `mnist train` trained on (the machine's cores),
    /// the mini-batches left to one thread (how busy the machine was), bench's hand-over
    /// round trips, and bench's machine, kernels and data directory. The layout and every
    /// other value are pinned.
    static func masked(_ text: String) -> String {
        text.replacing(/("(?:seconds[a-z_]*|[a-zA-Z]+Seconds|peakMegabytes|predictionThreads|threads|batchesOnOneThread|cores|timesFast|handOverNanoseconds[A-Za-z]*)": )[0-9.e+-]+/, with: { "\($0.1)…" })
            .replacing(/("(?:machine|kernels|kernelsReason|data)": )"[^"]*"/, with: { "\($0.1)\"…\"" })
    }
}
