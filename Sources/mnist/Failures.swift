import ArgumentParser
import BackpropEngine
import CommandLineSupport
import MNISTLab
import Rendering
import SVMBaseline

/// Runs `body`, turning the errors a run can meet into one line on standard error and
/// the exit status scripts expect (`ExitStatus`): 2 for a bad file, 64 for flags that
/// do not fit a checkpoint (or an SVM that cannot be trained on them), 1 for a run that
/// diverged, 130 for Ctrl-C.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        guard let mapped = failure(error) else { throw error }
        Terminal.printError(mapped.line)
        throw mapped.status
    }
}

/// The exit status and the line on standard error for each error `reportingFailures`
/// maps, one row per kind of failure; `nil` for any other error (ArgumentParser reports it).
func failure(_ error: any Error) -> (status: ExitCode, line: String)? {
    switch error {
    case is ModelFileError: (ExitStatus.badInput, "mnist: \(error)")
    case is SVMTrainingError, is TrainingSetupError: (ExitStatus.badFlag, "mnist: \(error)")
    case is TrainingError: (ExitStatus.checkFailed, "mnist: \(error)")
    case is SVMInterrupted: (ExitStatus.interrupted, "\nmnist: \(error)")
    case let error as Interrupted: (ExitStatus.interrupted, "\n" + error.description)
    default: nil
    }
}
