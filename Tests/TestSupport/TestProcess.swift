import ChildProcess
import Foundation

/// The one way the tests run a program, a thin layer over the `ChildProcess` library's
/// `RunningProgram` (the one home for running programs): no shell between the test and
/// the program's argv, standard output and error read concurrently (a child filling one
/// pipe can never deadlock the test), a timeout on every wait, and the child killed and
/// reaped with its process group when it runs past it. Like swift-argument-parser's
/// `AssertExecuteCommand`, it runs the executables the package built, as a user would.
/// What it adds: finding built executables, the package root as the default working
/// directory, a default timeout, and results as text.
public enum TestProcess {
    /// How long a child may run unless a test says otherwise. Generous for the slowest
    /// child the suite starts (a few MNIST epochs in a debug build on 2 shared cores);
    /// it only exists so that a hung child fails the test instead of the suite.
    public static let defaultTimeout: Duration = .seconds(600)

    /// Starts `executable` with `arguments`. `environment` nil inherits this process's;
    /// standard input is /dev/null (not a terminal) unless `pipeInput`.
    public static func start(_ executable: URL, _ arguments: [String] = [], environment: [String: String]? = nil,
                             currentDirectory: URL? = PackagePaths.root,
                             pipeInput: Bool = false) throws(TestProcessError) -> RunningChild {
        try RunningChild(executable, arguments, environment: environment, currentDirectory: currentDirectory,
                         pipeInput: pipeInput)
    }

    /// Runs `executable` with `arguments` to completion (see `start` and `RunningChild.wait`).
    public static func run(_ executable: URL, _ arguments: [String] = [], environment: [String: String]? = nil,
                           currentDirectory: URL? = PackagePaths.root,
                           timeout: Duration = defaultTimeout) throws(TestProcessError) -> ChildResult {
        try start(executable, arguments, environment: environment, currentDirectory: currentDirectory)
            .wait(timeout: timeout)
    }

    /// Runs the built executable `name` (see `BuiltExecutable`).
    public static func run(built name: String, _ arguments: [String] = [], environment: [String: String]? = nil,
                           currentDirectory: URL? = PackagePaths.root,
                           timeout: Duration = defaultTimeout) throws(TestProcessError) -> ChildResult {
        try run(BuiltExecutable.require(name), arguments, environment: environment,
                currentDirectory: currentDirectory, timeout: timeout)
    }

    /// This process's environment with `changes` applied (a nil value removes the variable).
    public static func environment(_ changes: [String: String?]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in changes { environment[name] = value }
        return environment
    }

    /// `python3`, if installed (the tests that need it skip without it).
    public static let python3: URL? = ["/usr/bin/python3", "/usr/local/bin/python3"]
        .first(where: FileManager.default.isExecutableFile).map(URL.init(fileURLWithPath:))
}
