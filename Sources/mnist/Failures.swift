import ArgumentParser
import BackpropEngine
import MNISTLab
import Rendering

/// Runs `body`, turning the errors a run can meet into one line on standard error and
/// the exit status scripts expect: 2 for a bad file, 1 for a run that failed.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ModelFileError {
        Terminal.printError("mnist: \(error)")
        throw ExitCode(2)
    } catch let error as TrainingSetupError {
        Terminal.printError("mnist: \(error)")
        throw ExitCode.validationFailure
    } catch let error as TrainingError {
        Terminal.printError("mnist: \(error)")
        throw ExitCode.failure
    }
}
