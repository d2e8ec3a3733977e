/// Classroom step mode: prints the trace chunk by chunk and, after each equation,
/// waits for Enter — but only when someone can press it (standard input is a
/// terminal). Otherwise it prints everything straight through and says nothing more.
public struct StepPauser {
    /// Whether to pause after equations.
    public var enabled: Bool
    /// Writes output (standard output).
    public var write: (String) -> Void
    /// Shows the prompt (standard error, so piped output stays clean).
    public var prompt: (String) -> Void
    /// Waits for a line; returns `false` at end of input, which stops the pausing.
    public var waitForEnter: () -> Bool
    /// The prompt's words (`--lang`: "[按回车键显示下一步]" in Chinese).
    public var message: String

    public init(enabled: Bool, write: @escaping (String) -> Void, prompt: @escaping (String) -> Void,
                waitForEnter: @escaping () -> Bool, message: String = "[press Enter for the next step]") {
        self.enabled = enabled
        self.message = message
        self.write = write
        self.prompt = prompt
        self.waitForEnter = waitForEnter
    }

    /// Prints `chunks`, pausing after each equation while enabled.
    public mutating func run(_ chunks: [TraceChunk]) {
        for (index, chunk) in chunks.enumerated() {
            write(chunk.text)
            if enabled, chunk.isEquation, index < chunks.count - 1 {
                prompt(message)
                if !waitForEnter() { enabled = false }
            }
        }
    }
}
