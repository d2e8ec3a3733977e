import Files

/// A problem with a data file or directory, as one line: `"FILE: problem"`.
///
/// Every failure of the `Datasets` library — a missing file, a directory where a file
/// should be, a corrupt gzip stream, an IDX header that disagrees with the file's
/// length, a label that is not a digit — is reported as one of these, so an executable
/// can print `description` and exit with status 2. It is the same type as the engine's
/// `ModelFileError`.
public typealias DatasetError = FileError
