import Pictures

/// The learning curve of a run: held-out accuracy (%) against epoch, as SVG.
public enum LearningCurve {
    /// The SVG document for `history`.
    public static func svg(_ history: [EpochResult], settings: TrainingSettings) -> String {
        let sizes = settings.sizes.map(String.init).joined(separator: ",")
        var plot = LinePlot(
            title: "[\(sizes)], η = \(settings.eta), batch \(settings.batch), seed \(settings.seed)",
            xLabel: "epoch",
            yLabel: "\(settings.evaluation) accuracy (%)"
        )
        plot.add(settings.evaluation, history.map { (x: Double($0.epoch), y: 100 * $0.accuracy) })
        return plot.svg()
    }
}
