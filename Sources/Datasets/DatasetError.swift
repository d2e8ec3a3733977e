/// A problem with a data file or directory, as one line: `"FILE: problem"`.
///
/// Every failure of the `Datasets` library — a missing file, a directory where a file
/// should be, a corrupt gzip stream, an IDX header that disagrees with the file's
/// length, a label that is not a digit — is reported as one of these, so an executable
/// can print `description` and exit with status 2.
public struct DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
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
    func naming(_ file: String) -> DatasetError {
        DatasetError(file: file, problem: problem)
    }
}
