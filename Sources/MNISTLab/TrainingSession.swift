import BackpropEngine
import Files
import Foundation
import Localization
import Rendering

/// What `mnist train` was asked to do besides the settings: the engine and the files.
public struct TrainingOptions: Sendable {
    public var settings: TrainingSettings
    public var engine: Engine = .fast
    /// Save the final network here (network2 JSON), atomically.
    public var savePath: String?
    /// Save a checkpoint here after every epoch, atomically.
    public var checkpointPath: String?
    /// Continue the run saved in this checkpoint.
    public var resumePath: String?
    /// Write the learning curve (accuracy per epoch) here as SVG.
    public var plotPath: String?
    public var format: OutputFormat = .text
    /// Draw a progress bar inside each epoch (only sensible on a terminal).
    public var progress = false
    /// The language of the lines for people; `Epoch j: k / 10000` stays as `network.py`
    /// prints it in every language.
    public var language: Language = .english

    public init(settings: TrainingSettings) {
        self.settings = settings
    }
}

/// The machine-readable account of a run (`mnist train --format json`).
public struct TrainingReport: Codable, Equatable, Sendable {
    public var settings: TrainingSettings
    public var engine: Engine
    /// The threads the engine trained on (`Engine.trainingThreads`): how to read
    /// `seconds`; the weights do not depend on it.
    public var threads: Int
    /// The mini-batches that trained on one thread instead, because other programs kept
    /// the cores busy (`TrainingRun.batchesOnOneThread`); 0 on an idle machine.
    public var batchesOnOneThread: Int
    /// Epochs done before this process started (resumed runs), else 0.
    public var resumedAfterEpochs: Int
    public var epochs: [EpochResult]
    public var best: EpochResult?
    /// Wall-clock seconds this process spent training and scoring.
    public var seconds: Double
    public var savedModel: String?
}

/// `mnist train`: runs (or resumes) a training run, printing each epoch, checkpointing,
/// and saving the model and learning curve at the end.
public enum TrainingSession {
    /// Runs the whole session and returns its report.
    ///
    /// - Parameter print: where lines for people go (standard output by default, flushed
    ///   after every line so `Epoch` lines show up at once in logs and pipes).
    /// - Throws: `TrainingSetupError` (bad flags or a checkpoint that does not match
    ///   them), `TrainingError` (NaN/∞), `ModelFileError` (files), `Interrupted` (Ctrl-C).
    @discardableResult
    public static func run(
        _ options: TrainingOptions, data: DigitSplits, print: @escaping (String) -> Void = { Swift.print($0); fflush(nil) }
    ) throws -> TrainingReport {
        let settings = options.settings
        let heldOutSet = data.heldOut(EvaluationSet(rawValue: settings.evaluation) ?? .validation)
        try settings.validate(available: data.training.count, heldOut: heldOutSet.count)
        let epochData = EpochData(training: Array(data.training.prefix(settings.trainingCount)),
                                  heldOut: Array(heldOutSet.prefix(settings.evaluationCount)),
                                  for: options.engine, sizes: settings.sizes)
        return try run(options, data: epochData, print: print)
    }

    /// The session on data already cut to the settings' training and evaluation counts
    /// (and, for the fast engine, packed straight from the files: see `EpochData`).
    @discardableResult
    public static func run(
        _ options: TrainingOptions, data: EpochData, print: @escaping (String) -> Void = { Swift.print($0); fflush(nil) }
    ) throws -> TrainingReport {
        let text = options.format == .text
        func say(_ line: String) { if text { print(line) } }
        let lang = options.language

        try options.settings.validate(available: data.trainingCount, heldOut: data.heldOutCount)
        var run = try startingRun(options)
        let settings = run.settings
        let resumedAfter = run.nextEpoch
        say(lang.text("seed: \(settings.seed)", "随机种子：\(settings.seed)"))
        say(settings.summary(in: lang))
        if let resume = options.resumePath {
            say(lang.text("resumed from \(resume) after \(resumedAfter) epoch\(resumedAfter == 1 ? "" : "s")",
                          "从 \(resume) 继续，之前已完成 \(resumedAfter) 个迭代期"))
        }

        let start = ContinuousClock.now
        let batches = (data.trainingCount + settings.batch - 1) / settings.batch
        while !run.isFinished {
            let epoch = run.nextEpoch
            let bar = ProgressBar(total: batches, enabled: options.progress && text)
            // The engines' progress callback cannot stop them, so Ctrl-C takes effect
            // when the epoch in progress ends: it is checkpointed, then `Interrupted` is thrown.
            let result = try run.trainEpoch(on: data, engine: options.engine) { done, _ in
                bar.update(done)
            }
            bar.clear()
            say(result.description)
            if let path = options.checkpointPath {
                try run.checkpoint.save(to: path)
            }
            try stopIfInterrupted(epoch: epoch, options)
        }
        let elapsed = start.duration(to: .now)
        let seconds = elapsed.inSeconds

        if let best = run.best {
            let percent = String(format: "%.2f", 100 * best.accuracy)
            let trained = run.history.count - resumedAfter
            let time = String(format: "%.2f", seconds)
            say(lang.text("best: epoch \(best.epoch), \(best.correct) / \(best.total) (\(percent)%) on \(settings.evaluation); \(trained) epoch\(trained == 1 ? "" : "s") in \(time) s",
                          "最佳：迭代期 \(best.epoch)，\(best.correct) / \(best.total)（\(percent)%），在\(lang.phrase(settings.evaluation))上；\(trained) 个迭代期用时 \(time) 秒"))
        }
        if let path = options.savePath {
            try ModelFile.save(run.network, to: path)
            say(lang.text("saved \(path)", "已保存 \(path)"))
        }
        if let path = options.plotPath {
            try AtomicFile.write(Data(LearningCurve.svg(run.history, settings: settings).utf8), to: path)
            say(lang.text("plotted \(path)", "已画出 \(path)"))
        }
        let report = TrainingReport(
            settings: settings, engine: options.engine,
            threads: options.engine.trainingThreads(miniBatchSize: settings.batch),
            batchesOnOneThread: run.batchesOnOneThread, resumedAfterEpochs: resumedAfter,
            epochs: run.history,
            best: run.best, seconds: seconds, savedModel: options.savePath
        )
        if !text {
            print(try OutputFormat.json(report))
        }
        return report
    }

    /// A fresh run, or the checkpoint named by `--resume` if its settings match the flags.
    static func startingRun(_ options: TrainingOptions) throws -> TrainingRun {
        guard let path = options.resumePath else {
            return try TrainingRun(settings: options.settings)
        }
        var checkpoint = try Checkpoint.load(from: path)
        // Only --epochs may differ: a resumed run may be extended (or is already done).
        checkpoint.settings.epochs = options.settings.epochs
        if let difference = checkpoint.settings.difference(from: options.settings) {
            throw TrainingSetupError("--resume \(path) was made with \(difference); give the same flags to resume it")
        }
        return TrainingRun(resuming: checkpoint)
    }

    /// Throws `Interrupted` (saying what the files hold) if Ctrl-C was pressed; the
    /// executable prints it and exits with status 130. Called after each epoch and its
    /// checkpoint, never during a write.
    static func stopIfInterrupted(epoch: Int, _ options: TrainingOptions) throws(Interrupted) {
        guard Interruption.requested else { return }
        var files: [String] = []
        if let save = options.savePath { files.append("\(save) was not written") }
        if let checkpoint = options.checkpointPath {
            files.append("\(checkpoint) holds the last finished epoch; continue with --resume \(checkpoint)")
        }
        throw Interrupted(epoch: epoch, files: files.isEmpty ? "nothing was saved" : files.joined(separator: "; "))
    }
}
