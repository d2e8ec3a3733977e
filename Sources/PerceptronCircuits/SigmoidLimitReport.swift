import BackpropEngine
import Foundation
import Localization
import Rendering

/// What `sigmoid-limit` shows: a perceptron network, its sigmoid twin scaled by growing c
/// converging to it, and the same network with one neuron moved onto its boundary
/// (w·x + b = 0), where the sigmoid twin does not converge.
public struct SigmoidLimitReport: Codable, Sendable {
    /// A description of the network, e.g. "the two-bit adder".
    public var network: String
    public var outputNames: [String]
    public var input: [Double]
    /// The perceptron network's outputs on `input`.
    public var perceptronOutputs: [Double]
    /// The neuron with the smallest |w·x + b| and that value.
    public var closestNeuron: String
    public var closestWeightedInput: Double
    /// σ-network with scale c, for each c.
    public var convergence: [SigmoidLimit.Row]
    /// The failure case: `closestNeuron`'s bias changed from `originalBias` to `tiedBias`
    /// so that its w·x + b = 0.
    public var originalBias: Double
    public var tiedBias: Double
    public var tiedPerceptronOutputs: [Double]
    public var failure: [SigmoidLimit.Row]

    /// Runs both experiments on `circuit` with input `x` for the scales `scales`.
    public init(network: String, circuit: PerceptronCircuit, input x: Vector, scales: [Double]) {
        self.network = network
        outputNames = circuit.outputs.map { circuit.names[$0] }
        input = x.elements
        perceptronOutputs = circuit.evaluate(x).elements
        let closest = SigmoidLimit.closestToBoundary(circuit, input: x) ?? (signal: circuit.inputCount, z: 0)
        closestNeuron = circuit.names[closest.signal]
        closestWeightedInput = closest.z
        convergence = SigmoidLimit.table(circuit, input: x, scales: scales)
        let tied = circuit.tied(closest.signal, at: x) ?? circuit
        originalBias = circuit.bias(of: closest.signal) ?? 0
        tiedBias = tied.bias(of: closest.signal) ?? 0
        tiedPerceptronOutputs = tied.evaluate(x).elements
        failure = SigmoidLimit.table(tied, input: x, scales: scales, watch: closest.signal)
    }

    /// Whether the failure case's outputs still reach the perceptron outputs.
    private func failureVerdict(_ language: Language) -> String {
        let last = failure.last?.distance ?? 0
        return last > 1e-3
            ? language.text("The sigmoid network does not converge to the perceptron network: the distance stays at \(NumberText.plain(last)).",
                            "S 型神经元网络不收敛到感知机网络：距离停在 \(NumberText.plain(last))。")
            : language.text("Here the outputs still converge, but the tied neuron itself never does.",
                            "这里的输出仍然收敛，但放到边界上的那个神经元本身永远不收敛。")
    }

    /// The report for people in `language`; `networkName` replaces `network` (which
    /// the JSON report keeps in English) in the text.
    public func text(language: Language = .english, networkName: String? = nil) -> String {
        let network = networkName ?? self.network
        func list(_ v: [Double]) -> String { "(" + v.map(NumberText.plain).joined(separator: ", ") + ")" }
        func named(_ v: [Double]) -> String {
            zip(outputNames, v).map { "\($0) = \(NumberText.plain($1))" }.joined(separator: ", ")
        }
        func table(_ rows: [SigmoidLimit.Row], watched: String?) -> String {
            var t = TextTable(header: ["c"] + (watched.map { [$0] } ?? []) + outputNames + [language.text("largest distance", "最大距离")])
            for r in rows {
                t.append([NumberText.scale(r.c)] + (r.watched.map { [NumberText.activation($0)] } ?? [])
                         + r.outputs.map(NumberText.activation) + [NumberText.distance(r.distance)])
            }
            return t.render()
        }
        let convergedAt = convergence.first { $0.distance < 1e-6 }.map { NumberText.scale($0.c) }
        let converged = convergedAt.map { "c = \($0)" } ?? "no c in the table"
        let m = NumberText.plain(abs(closestWeightedInput))
        let below = convergedAt.map { "跌破 1e-6 是从 c = \($0) 开始的" } ?? "表中没有哪个 c 能让它跌破 1e-6"
        return language.text("""
        Perceptron network: \(network), input x = \(list(input)).
        Perceptron outputs: \(named(perceptronOutputs)).
        Smallest |w·x + b| over its perceptrons: \(m) (\(closestNeuron)), so no perceptron sits on its boundary.

        Replace every perceptron by a sigmoid neuron with weights and biases times c:

        \(table(convergence, watched: nil))
        Each neuron outputs σ(c·z) → step(z) as c → ∞ when z ≠ 0; the distance shrinks
        roughly like e^(−c·\(m)) and is below 1e-6 from \(converged) on.

        Failure case: set \(closestNeuron)'s bias from \(NumberText.plain(originalBias)) to \(NumberText.plain(tiedBias)), so that its w·x + b = 0 on x.
        The perceptron outputs step(0) = 0 there (network: \(named(tiedPerceptronOutputs))), but the sigmoid
        neuron outputs σ(c·0) = 0.5 for every c:

        \(table(failure, watched: closestNeuron))
        \(failureVerdict(language))
        """, """
        感知机网络：\(network)，输入 x = \(list(input))。
        感知机的输出：\(named(perceptronOutputs))。
        各感知机上 |w·x + b| 的最小值：\(m)（\(closestNeuron)），所以没有感知机恰好落在边界上。

        把每个感知机换成 S 型神经元，权重和偏置都乘以 c：

        \(table(convergence, watched: nil))
        当 z ≠ 0 时，随着 c → ∞，每个神经元的输出 σ(c·z) → step(z)；距离大致
        按 e^(−c·\(m)) 缩小，\(below)。

        失败的情形：把 \(closestNeuron) 的偏置从 \(NumberText.plain(originalBias)) 改为 \(NumberText.plain(tiedBias))，使它在 x 上的 w·x + b = 0。
        这时感知机输出 step(0) = 0（网络：\(named(tiedPerceptronOutputs))），
        但 S 型神经元对任何 c 都输出 σ(c·0) = 0.5：

        \(table(failure, watched: closestNeuron))
        \(failureVerdict(language))
        """)
    }
}
