import ArgumentParser
import Foundation
import Localization

/// `--threads N`: how many threads the fast engines train on, for every tool that trains
/// with them (`mnist train`, `bench`). Every core is the default: on the reference machine
/// two threads train the book's network faster than one (README, "Speed"); the weights
/// are the same for every N.
public struct ThreadsOption: ParsableArguments, Sendable {
    @Option(help: "Threads the fast engines train on (default: one per core); the weights do not depend on it.")
    public var threads: Int?

    public init() {}

    public func validate() throws {
        if let threads { try requireAtLeast(threads, 1, "--threads") }
    }

    /// The threads to use: the flag's, else one per core the system lets this process use.
    public var count: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// A one-line warning, in `language`, when the flag asks for more threads than `cores`
    /// (this process's by default), else nil. The training threads hand work to each other
    /// several times a mini-batch, so a thread that is not running stalls the others: on
    /// the 2-core VM, `mnist train --epochs 2 --threads 3` printed "2 epochs in 0.89 s"
    /// against 0.16 s with `--threads 2`. The tools still train on the threads asked for
    /// (the weights are the same).
    public func oversubscriptionWarning(language: Language = .english,
                                        cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> String? {
        guard let threads, threads > cores else { return nil }
        return language.text(
            "warning: --threads \(threads) is more than the \(cores) cores here: the training threads wait for each other, so training will be several times slower than with --threads \(cores) (the weights are the same)",
            "警告：--threads \(threads) 多于本机的 \(cores) 个核心：训练线程会互相等待，训练会比 --threads \(cores) 慢好几倍（权重完全相同）")
    }

    /// A one-line note, in `language`, when the fast engine's `threads` training threads
    /// left `batches` mini-batches to one thread because other programs kept the cores
    /// busy (`FastNetwork.batchesOnOneThread`), else nil: it explains a slower run.
    public static func busyCoresNote(batches: Int, threads: Int, language: Language = .english) -> String? {
        guard batches > 0 else { return nil }
        return language.text(
            "note: other programs kept the cores busy, so \(batches) mini-batch\(batches == 1 ? "" : "es") trained on one thread instead of \(threads) (the weights are the same)",
            "注意：其他程序占用了核心，因此有 \(batches) 个小批量数据改在一个线程上训练，而不是 \(threads) 个（权重完全相同）")
    }
}
