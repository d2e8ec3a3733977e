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
    } catch let error as ModelFileError {
        Terminal.printError("mnist: \(error)")
        throw ExitStatus.badInput
    } catch let error as SVMModelFileError {
        Terminal.printError("mnist: \(error)")
        throw ExitStatus.badInput
    } catch let error as SVMTrainingError {
        Terminal.printError("mnist: \(error)")
        throw ExitStatus.badFlag
    } catch let error as SVMInterrupted {
        Terminal.printError("\nmnist: \(error)")
        throw ExitStatus.interrupted
    } catch let error as TrainingSetupError {
        Terminal.printError("mnist: \(error)")
        throw ExitStatus.badFlag
    } catch let error as TrainingError {
        Terminal.printError("mnist: \(error)")
        throw ExitStatus.checkFailed
    } catch let error as Interrupted {
        Terminal.printError("\n" + error.description)
        throw ExitStatus.interrupted
    }
}
