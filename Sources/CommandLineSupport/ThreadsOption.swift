import ArgumentParser

/// `--threads N`: how many threads the fast engines train on, for every tool that trains
/// with them (`mnist train`, `bench`). One is the default because it measured fastest on
/// the reference machine (README, "Speed"); the weights are the same for every N.
public struct ThreadsOption: ParsableArguments, Sendable {
    @Option(help: "Threads the fast engines train on (default 1, which measured fastest here); the weights do not depend on it.")
    public var threads: Int?

    public init() {}

    public func validate() throws {
        if let threads { try requireAtLeast(threads, 1, "--threads") }
    }

    /// The threads to use: the flag's, else 1.
    public var count: Int { threads ?? 1 }
}
