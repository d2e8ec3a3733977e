import BackpropEngine
import Files
import CLibSVM
import Datasets
import Foundation
import Localization
import MNISTLab
import Rendering

/// `mnist baselines --svm`: the chapter's SVM baseline. Trains LIBSVM's C-SVC on the book's
/// 50,000 training images (or loads a model), scores the 10,000 test images on every core,
/// and reports the score, the support vectors and the seconds each step took.
public enum SVMSession {
    /// What to do.
    public struct Options: Sendable {
        /// The SVM's settings (ignored with `load`).
        public var parameters = SVMParameters.book
        /// Train on only the first N training images.
        public var limit: Int?
        /// Read this LIBSVM model instead of training.
        public var load: String?
        /// Write the trained model here (LIBSVM's format, atomically).
        public var save: String?
        /// Threads for prediction.
        public var threads = ProcessInfo.processInfo.activeProcessorCount
        /// The language of the text output (`--lang`); numbers and JSON are the same in every one.
        public var language = Language.english

        public init() {}
    }

    /// The machine-readable result.
    public struct Report: Codable, Equatable, Sendable {
        public var seed: UInt64
        /// LIBSVM's version number, e.g. 324 for 3.24.
        public var libsvmVersion: Int
        /// The settings trained with (nil for a loaded model).
        public var parameters: SVMParameters?
        /// The model file read, if any.
        public var loadedFrom: String?
        /// The model file written, if any.
        public var savedTo: String?
        public var trainingImages: Int?
        /// Fraction of training pixels that are non-zero (stored as `svm_node`s).
        public var nonZeroFraction: Double?
        /// Megabytes of sparse training data (nodes and row pointers).
        public var sparseMegabytes: Double?
        public var trainingSeconds: Double?
        public var loadSeconds: Double?
        public var supportVectors: Int
        /// Support vectors of each digit, indexed by digit.
        public var supportVectorsPerDigit: [Int]
        public var warnings: [String]
        public var testImages: Int
        public var correct: Int
        public var accuracy: Double
        public var predictionSeconds: Double
        public var predictionThreads: Int
        /// Peak resident memory of the process in MB (getrusage's ru_maxrss). JSON only: it
        /// varies a little from run to run, and the text output is what lessons compare.
        public var peakMegabytes: Double
    }

    /// Runs the SVM baseline on `mnist` and prints the result in `format`, each line
    /// flushed at once (a log file shows how far a run of many minutes has got).
    ///
    /// Ctrl-C (after `Interruption.install()`) stops training or prediction with exit
    /// status 130; the model file is written only whole, by a rename.
    ///
    /// - Throws: `FileError` (model files), `SVMTrainingError` (LIBSVM refused).
    @discardableResult
    public static func run(
        mnist: MNIST, options: Options, seed: UInt64, format: OutputFormat,
        print: @escaping (String) -> Void = { Swift.print($0); fflush(nil) }
    ) throws -> Report {
        let text = format == .text
        let lang = options.language
        let progress = ProgressLine(enabled: text && Terminal.isStandardOutputATerminal)
        if text {
            print(lang.text("seed: \(seed) (not used: LIBSVM's C-SVC without probability estimates draws no random numbers)",
                            "随机种子：\(seed)（未使用：不估计概率的 LIBSVM C-SVC 不抽取任何随机数）"))
        }
        var report = Report(seed: seed, libsvmVersion: Int(LIBSVM_VERSION), supportVectors: 0, supportVectorsPerDigit: [],
                            warnings: [], testImages: 0, correct: 0, accuracy: 0, predictionSeconds: 0,
                            predictionThreads: options.threads, peakMegabytes: 0)
        let model: SVMModel
        if let path = options.load {
            let start = ContinuousClock.now
            model = try SVMModel.load(from: path)
            report.loadedFrom = path
            report.loadSeconds = elapsedSeconds(since: start)
            if text {
                print(lang.text("loaded \(path) (\(model.labels.count) digits, γ = \(model.gamma)) in \(seconds(report.loadSeconds ?? 0))",
                                "已读入 \(path)（\(model.labels.count) 个数字，γ = \(model.gamma)），用时 \(seconds(report.loadSeconds ?? 0, lang))"))
            }
        } else {
            model = try train(mnist: mnist, options: options, report: &report, progress: progress, text: text, print: print)
        }
        report.supportVectors = model.supportVectorCount
        var perDigit = [Int](repeating: 0, count: 10)
        for (digit, count) in zip(model.labels, model.supportVectorsPerClass) where (0..<10).contains(digit) {
            perDigit[digit] = count
        }
        report.supportVectorsPerDigit = perDigit
        if text {
            print(lang.text("\(report.supportVectors) support vectors; per digit:", "\(report.supportVectors) 个支持向量；各数字的个数："))
            var table = TextTable(header: [lang.text("digit", "数字")] + (0..<10).map(String.init))
            table.append([lang.text("SVs", "支持向量")] + perDigit.map(String.init))
            print(table.render())
        }
        if let path = options.save {
            try model.save(to: path)
            report.savedTo = path
            if text { print(lang.text("saved \(path)", "已保存 \(path)")) }
        }

        let test = SparseDigits(mnist.testSet, indices: Array(0..<mnist.testSet.count))
        if text {
            print(lang.text("predicting \(test.count) test images on \(options.threads) thread\(options.threads == 1 ? "" : "s")",
                            "预测 \(test.count) 张测试图像，使用 \(options.threads) 个线程"))
        }
        let savedTo = report.savedTo
        let answers: [Int]
        (answers, report.predictionSeconds) = try stoppable("predicting", progress: progress,
                                                            ifStopped: savedTo.map { "the model was saved to \($0)" } ?? "no model was saved") { start in
            model.predictAll(test, threads: options.threads, progress: { done in
                progress.show("predicting \(ProgressBar(total: test.count).line(done)), \(seconds(elapsedSeconds(since: start)))")
            }, shouldStop: { Interruption.requested })
        }
        report.testImages = test.count
        report.correct = zip(answers, test.labels).filter { $0 == $1 }.count
        report.accuracy = test.count > 0 ? Double(report.correct) / Double(test.count) : 0
        report.peakMegabytes = peakMegabytes()
        switch format {
        case .json:
            print(try OutputFormat.json(report))
        case .text:
            print(lang.text("predicted in \(seconds(report.predictionSeconds))", "预测用时 \(seconds(report.predictionSeconds, lang))"))
            var table = TextTable(header: lang.text("classifier|correct|accuracy", "分类器|正确数|准确率").components(separatedBy: "|"),
                                  alignments: [.left, .right, .right])
            table.append([(report.parameters == nil ? "" : lang.text("SVM, ", "支持向量机，")) + describe(report.parameters, gamma: model.gamma, lang),
                          "\(report.correct) / \(report.testImages)", String(format: "%.2f%%", 100 * report.accuracy)])
            print("")
            print(lang.text("SVM baseline on the \(report.testImages) test images", "在 \(report.testImages) 张测试图像上的支持向量机基线"))
            print(table.render())
        }
        return report
    }

    /// Builds the sparse training set, trains, and fills the training part of `report`.
    private static func train(
        mnist: MNIST, options: Options, report: inout Report, progress: ProgressLine, text: Bool, print: (String) -> Void
    ) throws -> SVMModel {
        let range = mnist.trainingRange.prefix(options.limit ?? mnist.trainingRange.count)
        let digits = SparseDigits.groupedByDigit(mnist.trainingSet, range: range)
        let p = options.parameters
        report.parameters = p
        report.trainingImages = digits.count
        report.nonZeroFraction = digits.density
        report.sparseMegabytes = Double(digits.bytes) / 1_000_000
        if text {
            let lang = options.language
            let version = "LIBSVM \(LIBSVM_VERSION / 100).\(LIBSVM_VERSION % 100) C-SVC"
            print(lang.text("SVM: \(version), RBF kernel, \(describe(p, gamma: p.gamma)), "
                            + "tolerance \(p.tolerance), shrinking \(p.shrinking ? "on" : "off"), \(format(p.cacheMegabytes)) MB kernel cache, one-vs-one",
                            "支持向量机：\(version)，RBF 核函数，\(describe(p, gamma: p.gamma))，"
                            + "容差 \(p.tolerance)，收缩（shrinking）\(p.shrinking ? "开启" : "关闭")，核缓存 \(format(p.cacheMegabytes)) MB，一对一"))
            print(String(format: lang.text("training on %d images: %d non-zero pixels (%.1f%%), %.1f MB as LIBSVM svm_nodes",
                                           "在 %d 张图像上训练：%d 个非零像素（%.1f%%），作为 LIBSVM 的 svm_node 占 %.1f MB"),
                         digits.count, digits.nonZeroCount, 100 * digits.density, report.sparseMegabytes ?? 0))
        }
        let trained: SVMModel
        (trained, report.trainingSeconds) = try stoppable("training", progress: progress,
                                                          ifStopped: options.save.map { "\($0) was not written" } ?? "nothing was saved") { start in
            try SVMModel.train(digits, parameters: p, progress: { state in
                let bar = ProgressBar(total: state.machines).line(state.finishedMachines)
                progress.show("training \(bar) machines, \(state.iterationThousands)k iterations in this one, \(seconds(elapsedSeconds(since: start)))")
            }, shouldStop: { Interruption.requested })
        }
        report.warnings = SVMModel.trainingWarnings
        if text {
            let machines = trained.labels.count * (trained.labels.count - 1) / 2
            print(options.language.text("trained in \(seconds(report.trainingSeconds ?? 0)): \(machines) one-vs-one machines",
                                        "训练用时 \(seconds(report.trainingSeconds ?? 0, options.language))：\(machines) 个一对一的支持向量机"))
            for warning in report.warnings { print("LIBSVM: \(warning)") }
        }
        return trained
    }

    /// Runs one long step of the session — `work`, given its start time, shows progress
    /// and polls Ctrl-C, returning nil when stopped — then clears the progress line.
    /// Returns the result and the seconds it took; throws `SVMInterrupted` ("interrupted
    /// while `activity`; `ifStopped`") when the step was stopped.
    static func stoppable<T>(_ activity: String, progress: ProgressLine, ifStopped: String,
                             _ work: (_ start: ContinuousClock.Instant) throws -> T?) throws -> (T, Double) {
        let start = ContinuousClock.now
        let result = try work(start)
        progress.clear()
        guard let result else { throw SVMInterrupted(description: "interrupted while \(activity); \(ifStopped)") }
        return (result, elapsedSeconds(since: start))
    }

    /// "C = 1, γ = 1/784" (γ as 1/n when it is one, else as a decimal).
    static func describe(_ parameters: SVMParameters?, gamma: Double, _ language: Language = .english) -> String {
        let n = (1 / gamma).rounded()
        let g = n >= 1 && n < 1e9 && 1 / n == gamma ? "1/\(Int(n))" : format(gamma)
        guard let parameters else { return language.text("SVM (loaded), γ = \(g)", "支持向量机（读入的模型），γ = \(g)") }
        return "C = \(format(parameters.c)), γ = \(g)"
    }

    /// A number in shortest form: 1 for 1.0, 0.05 for 0.05.
    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// "464.6 s" (`464.6 秒` in Chinese).
    static func seconds(_ value: Double, _ language: Language = .english) -> String {
        String(format: "%.1f ", value) + language.text("s", "秒")
    }

    /// The most resident memory this process has had, in MB (Linux reports kB).
    static func peakMegabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// Ctrl-C stopped the SVM: thrown (a library never ends the process); `mnist` prints it
/// and exits with status 130 (`ExitStatus.interrupted`). The sentence says what was saved.
public struct SVMInterrupted: Error, Sendable, CustomStringConvertible {
    public var description: String
}
