import ArgumentParser
import Files
import Rendering

/// The exit statuses of every BackpropLab executable, in one place (README: "Exit
/// statuses"). Executables throw these; libraries never end the process, they throw
/// errors that the executable maps here.
public enum ExitStatus {
    /// 0: the command did what was asked (and a check passed).
    public static let success = ExitCode.success
    /// 1: a check ran and failed (gradcheck's verdict), or a training run diverged.
    public static let checkFailed = ExitCode(1)
    /// 2: bad input — a missing, corrupt or truncated file, a model that does not fit,
    /// a file that cannot be written — so there is no result (and no verdict).
    public static let badInput = ExitCode(2)
    /// 3: the network failed: `mnist download` got no verified file from any mirror.
    public static let network = ExitCode(3)
    /// 64: a bad flag (ArgumentParser's `ExitCode.validationFailure`, BSD's EX_USAGE).
    public static let badFlag = ExitCode.validationFailure
    /// 130: stopped by Ctrl-C (128 + SIGINT, as shells report it).
    public static let interrupted = ExitCode(130)
}

/// Runs `body`; a `FileError` it throws (a file that cannot be read or written, a model
/// with a NaN weight) becomes one line on standard error, `TOOL: FILE: problem`, and
/// `ExitStatus.badInput`, instead of ArgumentParser's generic status 1.
public func reportingFileErrors<T>(_ tool: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as FileError {
        Terminal.printError("\(tool): \(error)")
        throw ExitStatus.badInput
    }
}
