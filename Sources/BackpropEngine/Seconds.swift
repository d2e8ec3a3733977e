extension Duration {
    /// The duration in seconds, as a `Double` (for epoch timings).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

/// Seconds from `start` until now on the monotonic clock: the one timer of every report
/// that prints seconds (epochs, gradient checks, the SVM baseline, the bench).
public func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
    start.duration(to: .now).inSeconds
}
