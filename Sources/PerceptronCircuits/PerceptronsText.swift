import BackpropEngine
import Rendering

/// The text the `perceptrons` tool prints: one section per idea of chapter 1, each a
/// short explanation and a table computed by the circuits of this module.
public enum PerceptronsText {
    /// The NAND perceptron's truth table with the arithmetic of each row.
    public static func nand(_ rows: [NAND.Row]) -> String {
        var table = TextTable(header: ["x1", "x2", "z = w·x + b", "output"])
        for r in rows { table.append([String(r.x1), String(r.x2), r.arithmetic, String(r.output)]) }
        return """
        A perceptron outputs 1 if w·x + b > 0, else 0.
        NAND perceptron: weights w = (−2, −2), bias b = 3.

        \(table.render())
        That is NAND: the output is 0 only when both inputs are 1.
        """
    }

    /// The two-bit adder: its gates, then both variants on all four inputs.
    public static func adder(_ rows: [TwoBitAdder.Row], singleWeight: Double = 2 * NAND.weight) -> String {
        let doubled = TwoBitAdder.circuit(carry: .doubled)
        let single = TwoBitAdder.circuit(carry: .single, singleWeight: singleWeight)
        let w = NumberText.plain(singleWeight)
        var table = TextTable(header: ["x1", "x2", "sum", "carry", "x1 + x2", "sum (\(w))", "carry (\(w))", "ok"])
        for r in rows {
            table.append([String(r.x1), String(r.x2), String(r.sum), String(r.carry), String(r.x1 + r.x2),
                          String(r.singleWeightSum), String(r.singleWeightCarry), r.correct ? "✓" : "✗"])
        }
        let gates = doubled.formulas.map { "  " + $0 }.joined(separator: "\n")
        let allCorrect = rows.allSatisfy(\.correct)
        return """
        Adding two bits with \(doubled.neuronCount) NAND perceptrons in \(doubled.layers.count) layers:
        \(gates)
        The carry perceptron reads n1 twice. Two connections of weight −2 add up, so
        one connection of weight −4 should do the same\(singleWeight == 2 * NAND.weight ? "" : "; here it has weight \(w)"):
          \(single.formula(of: "carry") ?? "")

        \(table.render())
        \(allCorrect ? "2·carry + sum = x1 + x2 on all four inputs, for both wirings."
                     : "MISMATCH: with weight \(w) the single-connection adder is wrong on some input.")
        """
    }

    /// The n-bit ripple-carry adder: size, the check against a + b and a few sums.
    public static func ripple(_ adder: RippleCarryAdder, _ check: RippleCarryAdder.Check) -> String {
        let n = adder.bits
        let max = (1 << n) - 1
        let examples = [(0, 0), (5 & max, 3 & max), (max, 1), (max, max)]
        var table = TextTable(header: ["a", "b", "a (bits)", "b (bits)", "circuit (bits)", "circuit", "a + b"])
        for (a, b) in examples {
            let sum = adder.add(a, b)
            table.append([String(a), String(b), binary(a, n), binary(b, n), binary(sum, n + 1), String(sum), String(a + b)])
        }
        let how = check.exhaustive
            ? "all \(check.pairsChecked) pairs (a, b)"
            : "\(check.pairsChecked) random pairs (a, b) (exhaustive only up to \(RippleCarryAdder.maximumExhaustiveBits) bits)"
        return """
        \(n)-bit ripple-carry adder from NAND perceptrons:
          \(check.perceptrons) perceptrons (5 for the half adder of bit 0, 9 per full adder: 9n − 4)
          \(check.layers) layers (the carry ripples through 2 more layers per bit)
          checked \(how) against a + b: \(check.mismatches) mismatches

        \(table.render())
        """
    }

    /// The scaling exercise: random networks and the reason the behaviour is unchanged.
    public static func scaling(_ trials: [ScalingExperiment.Trial], seed: UInt64) -> String {
        var table = TextTable(header: ["network", "c", "inputs", "perceptron changes", "sigmoid changes by"])
        for t in trials {
            table.append([t.sizes.map(String.init).joined(separator: ","), String(format: "%.4g", t.c), String(t.inputs),
                          String(t.perceptronMismatches), String(format: "%.3f", t.sigmoidLargestChange)])
        }
        let total = trials.reduce(0) { $0 + $1.perceptronMismatches }
        return """
        Multiply every weight and bias of a perceptron network by c > 0 (random networks
        and inputs, seed \(seed)):

        \(table.render())
        \(total == 0 ? "The perceptron networks never changed their output." : "\(total) outputs changed.")
        Why: a perceptron outputs step(w·x + b), and step(c·w·x + c·b) = step(c·(w·x + b)):
        for c > 0, c·z has the same sign as z. So the first layer outputs the same bits,
        the next layer sees the same inputs, and so on to the output. Sigmoid neurons
        are not invariant: σ(c·z) ≠ σ(z), hence the last column.
        """
    }

    /// The 4-bit output layer: its construction and the two verification tables.
    public static func fourBit(oneHot: [FourBitOutputLayer.Row], good: [FourBitOutputLayer.Row]) -> String {
        let g = NumberText.plain(FourBitOutputLayer.gain)
        let layer = FourBitOutputLayer.circuit.layers[0]
        var weights = TextTable(header: ["bit"] + (0..<10).map { "a\($0)" } + ["bias"], alignments: Array(repeating: .right, count: 12))
        for j in 0..<FourBitOutputLayer.bitCount {
            weights.append([String(1 << (FourBitOutputLayer.bitCount - 1 - j))]
                           + (0..<10).map { NumberText.plain(layer.weights[j, $0]) } + [NumberText.plain(layer.biases[j])])
        }
        let all = (oneHot + good).allSatisfy(\.correct)
        return """
        From 10 digit outputs to 4 bits. Output neuron "bit k" gets weight +\(g) from
        every digit whose binary form contains k, −\(g) from every other digit, and bias 0:

        \(weights.render())

        One-hot outputs (digit d = 1, the others 0): z = ±\(g), so each bit is exact.

        \(digitTable(oneHot))

        Good but not perfect (right digit 0.99, the others 0.01): the right digit gives
        ±\(NumberText.plain(0.99 * FourBitOutputLayer.gain)), the other nine at most \(NumberText.plain(0.09 * FourBitOutputLayer.gain)) together, so |z| ≥ \(NumberText.plain(0.9 * FourBitOutputLayer.gain)) and the sign never flips.

        \(digitTable(good))
        \(all ? "All 20 vectors decode to their digit." : "MISMATCH: some vectors decode wrongly.")
        """
    }

    /// Digits 0…9 pushed through the 4-bit layer with the right digit at `right` and the
    /// others at `wrong`, and whether each decodes.
    public static func fourBit(custom rows: [FourBitOutputLayer.Row], right: Double, wrong: Double) -> String {
        let bad = rows.filter { !$0.correct }.map { String($0.digit) }
        return """
        The 4-bit layer (weights ±\(NumberText.plain(FourBitOutputLayer.gain)), bias 0) on outputs with the right digit at \(NumberText.plain(right)), the others at \(NumberText.plain(wrong)):

        \(digitTable(rows))
        \(bad.isEmpty ? "All 10 digits decode." : "Decoded wrongly: \(bad.joined(separator: ", ")).")
        """
    }

    /// One row per digit: the perceptron bits, the sigmoid outputs and what they read as.
    static func digitTable(_ rows: [FourBitOutputLayer.Row]) -> String {
        var table = TextTable(header: ["digit", "perceptron bits", "sigmoid outputs", "reads as", "ok"])
        for r in rows {
            let read = r.sigmoidOutputs.reduce(0) { 2 * $0 + ($1 > 0.5 ? 1 : 0) }
            table.append([String(r.digit), r.perceptronBits.map(String.init).joined(),
                          r.sigmoidOutputs.map { String(format: "%.4f", $0) }.joined(separator: " "),
                          String(read), r.correct ? "✓" : "✗"])
        }
        return table.render()
    }

    /// `value` as `width` binary digits, most significant first.
    static func binary(_ value: Int, _ width: Int) -> String {
        BitPattern.bits(of: value, count: width).reversed().map { $0 > 0.5 ? "1" : "0" }.joined()
    }
}
