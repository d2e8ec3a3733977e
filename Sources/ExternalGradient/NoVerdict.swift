/// Why a check ended without a verdict: the program under test crashed, hung, printed
/// something that is not an answer, or a file was bad. gradcheck exits 2 with this
/// one-line-ish message (and the program's last stderr lines, when it had any).
public struct NoVerdict: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The last lines the program wrote to standard error.
    public var stderrTail: String

    public init(_ message: String, stderrTail: String = "") {
        self.message = message
        self.stderrTail = stderrTail
    }

    public var description: String {
        guard !stderrTail.isEmpty else { return message }
        let indented = stderrTail.split(separator: "\n").map { "  | " + $0 }.joined(separator: "\n")
        return message + "\nits last lines on stderr:\n" + indented
    }
}
