/// A problem with a file, as one line: `"FILE: problem"`.
///
/// Every reader of untrusted files in BackpropLab — model files (`ModelFileError`),
/// MNIST's IDX files (`DatasetError`) — and every writer (`AtomicFile`, plots) reports
/// failures as one of these, so an executable can print `description` and exit with
/// status 2 (`ExitStatus.badInput`).
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or directory the problem is about, when there is one.
    public var file: String?
    /// What is wrong, in a phrase ("is truncated: …").
    public var problem: String

    public init(file: String?, problem: String) {
        self.file = file
        self.problem = problem
    }

    /// `"FILE: problem"`, or just the problem when no file is known.
    public var description: String {
        guard let file else { return problem }
        return "\(file): \(problem)"
    }

    /// The same problem, attributed to `file`.
    public func naming(_ file: String) -> FileError {
        FileError(file: file, problem: problem)
    }
}
