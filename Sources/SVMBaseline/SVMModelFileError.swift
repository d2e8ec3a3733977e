/// A model file that cannot be read or written, with the file's name and the problem,
/// printed as one line: `mnist: FILE: problem`.
public struct SVMModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file at fault.
    public var path: String
    /// What is wrong, e.g. "line 12: expected 9 coefficients, found 3".
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}
