import Datasets

/// Why `mnist download` failed, sorted by what the user can do about it: the network
/// (try again later, or another `--mirror`), a local file (fix the directory), or a
/// `--mirror` that is not acceptable (fix the flag). Executables map the kinds to
/// different exit statuses; the message is the `DatasetError` naming the file or URL.
public struct DownloadError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// No mirror delivered a file whose SHA-256 matches (unreachable, HTTP errors,
        /// cut transfers, wrong content).
        case network
        /// The data directory or a downloaded file could not be created or written.
        case file
        /// A `--mirror` URL is not acceptable, or none was given.
        case mirror
    }

    public var kind: Kind
    /// The problem, naming the file or mirror.
    public var error: DatasetError

    public init(_ kind: Kind, _ error: DatasetError) {
        self.kind = kind
        self.error = error
    }

    /// The problem phrase, without the file name.
    public var problem: String { error.problem }

    /// `"FILE: problem"`.
    public var description: String { error.description }
}
