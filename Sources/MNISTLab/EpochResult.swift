import BackpropEngine

/// One epoch of a run: how many held-out digits the network got right after it, and
/// how long the training took (evaluation not counted), as `network.py` prints it.
public struct EpochResult: Codable, Equatable, Sendable, CustomStringConvertible {
    /// The epoch number, from 0 as in `network.py`.
    public var epoch: Int
    /// Held-out examples classified correctly after this epoch.
    public var correct: Int
    /// Held-out examples scored.
    public var total: Int
    /// Seconds spent training in this epoch.
    public var seconds: Double

    public init(epoch: Int, correct: Int, total: Int, seconds: Double) {
        self.epoch = epoch
        self.correct = correct
        self.total = total
        self.seconds = seconds
    }

    /// The fraction correct, 0…1.
    public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }

    /// `Epoch 0: 9045 / 10000 (5.12 s)`, the engine's `EpochReport` line.
    public var description: String {
        EpochReport(epoch: epoch, correct: correct, total: total, seconds: seconds).description
    }
}
