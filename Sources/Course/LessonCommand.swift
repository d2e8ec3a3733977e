/// One command a lesson shows: a `console` block holding `$ swift run NAME args…`,
/// and the `text` block after it with the output a real run printed.
public struct LessonCommand: Sendable, Equatable {
    /// The build configuration `swift run` would use.
    public enum Configuration: String, Sendable, Equatable {
        case debug, release
    }

    /// The command as written after `$ `, e.g. `swift run xor --seed 2`.
    public var commandLine: String
    /// The executable product, e.g. `xor`.
    public var executable: String
    /// The arguments after the executable name.
    public var arguments: [String]
    /// `debug` for `swift run NAME`, `release` for `swift run -c release NAME`.
    public var configuration: Configuration
    /// Whether the block is marked `console slow` (run by the doc-test only when
    /// `BACKPROPLAB_DOCTEST_SLOW=1`).
    public var isSlow: Bool
    /// The 1-based line of the `$ …` line in the lesson file.
    public var line: Int
    /// The expected standard output (the `text` block), or `nil` if the block is missing.
    public var expectedOutput: String?
    /// The 1-based line of the `text` block's opening fence, if there is one.
    public var expectedOutputLine: Int?

    public init(
        commandLine: String, executable: String, arguments: [String],
        configuration: Configuration = .debug, isSlow: Bool = false, line: Int,
        expectedOutput: String? = nil, expectedOutputLine: Int? = nil
    ) {
        self.commandLine = commandLine
        self.executable = executable
        self.arguments = arguments
        self.configuration = configuration
        self.isSlow = isSlow
        self.line = line
        self.expectedOutput = expectedOutput
        self.expectedOutputLine = expectedOutputLine
    }

    /// The value given to `--data` (as `--data DIR` or `--data=DIR`), if any.
    public var dataDirectory: String? {
        for (i, argument) in arguments.enumerated() {
            if argument == "--data", i + 1 < arguments.count { return arguments[i + 1] }
            if argument.hasPrefix("--data=") { return String(argument.dropFirst("--data=".count)) }
        }
        return nil
    }

    /// The same command with its `--data` value replaced by `directory`
    /// (unchanged when the command takes no `--data`).
    public func replacingDataDirectory(with directory: String) -> LessonCommand {
        var copy = self
        var i = 0
        while i < copy.arguments.count {
            if copy.arguments[i] == "--data", i + 1 < copy.arguments.count {
                copy.arguments[i + 1] = directory
                i += 2
                continue
            }
            if copy.arguments[i].hasPrefix("--data=") { copy.arguments[i] = "--data=" + directory }
            i += 1
        }
        return copy
    }
}
