/// What a program answered to one probe.
public enum ProbeAnswer: Sendable, Equatable {
    /// `nabla_b`, `nabla_w` for a `backprop` probe.
    case gradient(ReceivedGradient)
    /// The updated `biases` (in `nablaB`) and `weights` (in `nablaW`) for a mini-batch probe.
    case updated(ReceivedGradient)
    /// The program does not support this probe (a cost, a request kind), and says why.
    case declined(String)
}
