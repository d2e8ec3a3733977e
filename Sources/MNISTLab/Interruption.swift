import Foundation
import Synchronization

/// Ctrl-C (SIGINT) handling for long runs: the signal only raises a flag, and training
/// checks it after each epoch (and its checkpoint), never while a file is being written. So an
/// interrupted `mnist train --save FILE` leaves FILE as it was (or absent), and a
/// checkpoint holds the last whole epoch.
public enum Interruption {
    private static let flag = Atomic<Bool>(false)

    /// Routes SIGINT to the flag instead of killing the process, and unblocks SIGINT in
    /// case the parent started this process with it blocked (test runners do).
    public static func install() {
        signal(SIGINT) { _ in Interruption.flag.store(true, ordering: .relaxed) }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether Ctrl-C was pressed since `install()`.
    public static var requested: Bool { flag.load(ordering: .relaxed) }
}

/// Training stopped because the user pressed Ctrl-C: thrown by `TrainingSession` (a
/// library never ends the process); `mnist` prints it and exits with status 130
/// (`ExitStatus.interrupted`).
public struct Interrupted: Error, Equatable, Sendable, CustomStringConvertible {
    /// The epoch that was running.
    public var epoch: Int
    /// What happened to the files, in a sentence.
    public var files: String

    public init(epoch: Int, files: String) {
        self.epoch = epoch
        self.files = files
    }

    public var description: String { "interrupted during epoch \(epoch); \(files)" }
}
