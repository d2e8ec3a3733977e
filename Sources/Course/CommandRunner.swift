import Foundation

/// What a finished command did.
public struct CommandResult: Sendable, Equatable {
    /// The exit status (or the signal number, if it was killed by one).
    public var status: Int32
    /// Everything it wrote to standard output.
    public var standardOutput: String
    /// Everything it wrote to standard error.
    public var standardError: String
}

/// Why a command could not be started.
public enum CommandRunnerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `swift run NAME` names an executable that has not been built.
    case notBuilt(executable: String, lookedIn: [String])
    /// The operating system refused to start the program.
    case launchFailed(executable: String, reason: String)

    public var description: String {
        switch self {
        case let .notBuilt(executable, lookedIn):
            "'\(executable)' has not been built (looked in \(lookedIn.joined(separator: ", "))); run 'swift build' first"
        case let .launchFailed(executable, reason):
            "could not start '\(executable)': \(reason)"
        }
    }
}

/// Runs a lesson's command the way `swift run` would, but on the already-built
/// executable and from the package root, so that relative paths such as
/// `--data ../shared/data/mnist` mean what the lesson says.
public struct CommandRunner: Sendable {
    /// Finds the executables.
    public var locator: ExecutableLocator
    /// Environment variables set for every command, over this process's own (e.g.
    /// `LC_ALL`, so that a lesson's commands speak the lesson's language).
    public var environment: [String: String]

    public init(locator: ExecutableLocator, environment: [String: String] = [:]) {
        self.locator = locator
        self.environment = environment
    }

    /// The executable for `command`, or `CommandRunnerError.notBuilt`.
    public func executable(for command: LessonCommand) throws(CommandRunnerError) -> URL {
        guard let url = locator.locate(command) else {
            let dirs = locator.candidateDirectories(for: command.configuration).map(\.path)
            throw .notBuilt(executable: command.executable, lookedIn: dirs)
        }
        return url
    }

    /// Runs `command` and captures its standard output and standard error.
    public func capture(_ command: LessonCommand) throws(CommandRunnerError) -> CommandResult {
        let url = try executable(for: command)
        let process = makeProcess(url, command.arguments)
        let output = Pipe()
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("lesson-stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let errorHandle = try? FileHandle(forWritingTo: errorFile) else {
            throw .launchFailed(executable: command.executable, reason: "cannot create a temporary file in \(errorFile.deletingLastPathComponent().path)")
        }
        defer {
            try? errorHandle.close()
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .launchFailed(executable: command.executable, reason: "\(error)")
        }
        // Read to the end before waiting, so a full pipe cannot block the child.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return CommandResult(status: process.terminationStatus,
                             standardOutput: String(decoding: data, as: UTF8.self),
                             standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs `command` with this process's standard input, output and error, so its
    /// output appears as it is printed. Returns the exit status.
    public func stream(_ command: LessonCommand) throws(CommandRunnerError) -> Int32 {
        let url = try executable(for: command)
        return try stream(url, command.arguments, name: command.executable)
    }

    /// Runs the program at `url` with inherited standard streams; returns its exit status.
    public func stream(_ url: URL, _ arguments: [String], name: String) throws(CommandRunnerError) -> Int32 {
        let process = makeProcess(url, arguments)
        fflush(nil)
        do { try process.run() } catch {
            throw .launchFailed(executable: name, reason: "\(error)")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func makeProcess(_ url: URL, _ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = locator.packageRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        return process
    }
}
