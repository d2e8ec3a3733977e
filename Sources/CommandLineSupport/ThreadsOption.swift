import ArgumentParser
import Foundation

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
}
