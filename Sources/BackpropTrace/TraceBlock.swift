/// One paragraph or one equation; step mode pauses after each equation.
public enum TraceBlock: Sendable {
    /// Lines of prose (each string one line).
    case paragraph([String])
    /// An equation with its numbers.
    case equation(TraceEquation)
}
