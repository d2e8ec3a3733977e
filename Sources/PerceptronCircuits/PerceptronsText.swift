import BackpropEngine
import Localization
import Rendering

/// The text the `perceptrons` tool prints: one section per idea of chapter 1, each a
/// short explanation and a table computed by the circuits of this module.
///
/// Every message is here in English and in Simplified Chinese side by side
/// (`Language.text`); the two say the same with the same numbers in the same order, and
/// the neuron names of the formulas (x1, n1, sum, carry) are names in both.
public enum PerceptronsText {
    /// The NAND perceptron's truth table with the arithmetic of each row.
    public static func nand(_ rows: [NAND.Row], language: Language = .english) -> String {
        var table = TextTable(header: ["x1", "x2", "z = w·x + b", language.text("output", "输出")])
        for r in rows { table.append([String(r.x1), String(r.x2), r.arithmetic, String(r.output)]) }
        return language.text("""
        A perceptron outputs 1 if w·x + b > 0, else 0.
        NAND perceptron: weights w = (−2, −2), bias b = 3.

        \(table.render())
        That is NAND: the output is 0 only when both inputs are 1.
        """, """
        感知机输出 1 的条件是 w·x + b > 0，否则输出 0。
        与非门感知机：权重 w = (−2, −2)，偏置 b = 3。

        \(table.render())
        这就是与非门：输出为 0，当且仅当两个输入都是 1。
        """)
    }

    /// The two-bit adder: its gates, then both variants on all four inputs.
    public static func adder(_ rows: [TwoBitAdder.Row], singleWeight: Double = 2 * NAND.weight, language: Language = .english) -> String {
        let doubled = TwoBitAdder.circuit(carry: .doubled)
        let single = TwoBitAdder.circuit(carry: .single, singleWeight: singleWeight)
        let w = NumberText.plain(singleWeight)
        var table = TextTable(header: ["x1", "x2", "sum", "carry", "x1 + x2", "sum (\(w))", "carry (\(w))", language.text("ok", "正确")])
        for r in rows {
            table.append([String(r.x1), String(r.x2), String(r.sum), String(r.carry), String(r.x1 + r.x2),
                          String(r.singleWeightSum), String(r.singleWeightCarry), r.correct ? "✓" : "✗"])
        }
        let gates = doubled.formulas.map { "  " + $0 }.joined(separator: "\n")
        let allCorrect = rows.allSatisfy(\.correct)
        let standard = singleWeight == 2 * NAND.weight
        return language.text("""
        Adding two bits with \(doubled.neuronCount) NAND perceptrons in \(doubled.layers.count) layers:
        \(gates)
        The carry perceptron reads n1 twice. Two connections of weight −2 add up, so
        one connection of weight −4 should do the same\(standard ? "" : "; here it has weight \(w)"):
          \(single.formula(of: "carry") ?? "")

        \(table.render())
        \(allCorrect ? "2·carry + sum = x1 + x2 on all four inputs, for both wirings."
                     : "MISMATCH: with weight \(w) the single-connection adder is wrong on some input.")
        """, """
        用 \(doubled.neuronCount) 个与非门感知机、分 \(doubled.layers.count) 层把两个比特相加（sum 是和位，carry 是进位）：
        \(gates)
        进位感知机 carry 两次读取 n1。两条权重为 −2 的连接作用相加，所以
        一条权重为 −4 的连接应当效果相同\(standard ? "" : "；这里它的权重是 \(w)")：
          \(single.formula(of: "carry") ?? "")

        \(table.render())
        \(allCorrect ? "2·carry + sum = x1 + x2：四种输入、两种接法全部成立。"
                     : "不一致：权重为 \(w) 时，单连接的加法器在某些输入上出错。")
        """)
    }

    /// The n-bit ripple-carry adder: size, the check against a + b and a few sums.
    public static func ripple(_ adder: RippleCarryAdder, _ check: RippleCarryAdder.Check, language: Language = .english) -> String {
        let n = adder.bits
        let max = (1 << n) - 1
        let examples = [(0, 0), (5 & max, 3 & max), (max, 1), (max, max)]
        var table = TextTable(header: language.text("a|b|a (bits)|b (bits)|circuit (bits)|circuit|a + b",
                                                    "a|b|a（二进制）|b（二进制）|电路（二进制）|电路|a + b").components(separatedBy: "|"))
        for (a, b) in examples {
            let sum = adder.add(a, b)
            table.append([String(a), String(b), binary(a, n), binary(b, n), binary(sum, n + 1), String(sum), String(a + b)])
        }
        let pairs = check.pairsChecked, most = RippleCarryAdder.maximumExhaustiveBits
        let how = check.exhaustive
            ? language.text("all \(pairs) pairs (a, b)", "全部 \(pairs) 对 (a, b)")
            : language.text("\(pairs) random pairs (a, b) (exhaustive only up to \(most) bits)",
                            "随机抽取的 \(pairs) 对 (a, b)（只在不超过 \(most) 位时穷举）")
        return language.text("""
        \(n)-bit ripple-carry adder from NAND perceptrons:
          \(check.perceptrons) perceptrons (5 for the half adder of bit 0, 9 per full adder: 9n − 4)
          \(check.layers) layers (the carry ripples through 2 more layers per bit)
          checked \(how) against a + b: \(check.mismatches) mismatches

        \(table.render())
        """, """
        由与非门感知机搭成的 \(n) 位行波进位加法器：
          \(check.perceptrons) 个感知机（5 个组成比特 0 的半加器，每个全加器 9 个：9n − 4）
          \(check.layers) 层（进位每多一位就多穿过 2 层）
          与 a + b 对照检验了\(how)：\(check.mismatches) 处不一致

        \(table.render())
        """)
    }

    /// The scaling exercise: random networks and the reason the behaviour is unchanged.
    public static func scaling(_ trials: [ScalingExperiment.Trial], seed: UInt64, language: Language = .english) -> String {
        var table = TextTable(header: language.text("network|c|inputs|perceptron changes|sigmoid changes by",
                                                    "网络|c|输入数|感知机输出的变化|S 型神经元的最大变化").components(separatedBy: "|"))
        for t in trials {
            table.append([t.sizes.map(String.init).joined(separator: ","), String(format: "%.4g", t.c), String(t.inputs),
                          String(t.perceptronMismatches), String(format: "%.3f", t.sigmoidLargestChange)])
        }
        let total = trials.reduce(0) { $0 + $1.perceptronMismatches }
        return language.text("""
        Multiply every weight and bias of a perceptron network by c > 0 (random networks
        and inputs, seed \(seed)):

        \(table.render())
        \(total == 0 ? "The perceptron networks never changed their output." : "\(total) outputs changed.")
        Why: a perceptron outputs step(w·x + b), and step(c·w·x + c·b) = step(c·(w·x + b)):
        for c > 0, c·z has the same sign as z. So the first layer outputs the same bits,
        the next layer sees the same inputs, and so on to the output. Sigmoid neurons
        are not invariant: σ(c·z) ≠ σ(z), hence the last column.
        """, """
        把感知机网络的每个权重和偏置都乘以 c > 0（随机的网络和输入，随机种子 \(seed)）：

        \(table.render())
        \(total == 0 ? "感知机网络的输出一次也没有改变。" : "有 \(total) 个输出改变了。")
        原因：感知机输出 step(w·x + b)，而 step(c·w·x + c·b) = step(c·(w·x + b))：
        当 c > 0 时，c·z 与 z 同号。所以第一层输出同样的比特，下一层看到同样的输入，
        如此一直到输出层。S 型神经元没有这种不变性：σ(c·z) ≠ σ(z)，最后一列就是这么来的。
        """)
    }

    /// The 4-bit output layer: its construction and the two verification tables.
    public static func fourBit(oneHot: [FourBitOutputLayer.Row], good: [FourBitOutputLayer.Row], language: Language = .english) -> String {
        let g = NumberText.plain(FourBitOutputLayer.gain)
        let layer = FourBitOutputLayer.circuit.layers[0]
        var weights = TextTable(header: [language.text("bit", "比特")] + (0..<10).map { "a\($0)" } + [language.text("bias", "偏置")],
                                alignments: Array(repeating: .right, count: 12))
        for j in 0..<FourBitOutputLayer.bitCount {
            weights.append([String(1 << (FourBitOutputLayer.bitCount - 1 - j))]
                           + (0..<10).map { NumberText.plain(layer.weights[j, $0]) } + [NumberText.plain(layer.biases[j])])
        }
        let all = (oneHot + good).allSatisfy(\.correct)
        let right = NumberText.plain(0.99 * FourBitOutputLayer.gain)
        let others = NumberText.plain(0.09 * FourBitOutputLayer.gain)
        let least = NumberText.plain(0.9 * FourBitOutputLayer.gain)
        return language.text("""
        From 10 digit outputs to 4 bits. Output neuron "bit k" gets weight +\(g) from
        every digit whose binary form contains k, −\(g) from every other digit, and bias 0:

        \(weights.render())

        One-hot outputs (digit d = 1, the others 0): z = ±\(g), so each bit is exact.

        \(digitTable(oneHot, language: language))

        Good but not perfect (right digit 0.99, the others 0.01): the right digit gives
        ±\(right), the other nine at most \(others) together, so |z| ≥ \(least) and the sign never flips.

        \(digitTable(good, language: language))
        \(all ? "All 20 vectors decode to their digit." : "MISMATCH: some vectors decode wrongly.")
        """, """
        从 10 个数字输出得到 4 个比特。输出神经元“比特 k”对二进制形式含 k 的数字取权重 +\(g)，
        对其余数字取 −\(g)，偏置为 0：

        \(weights.render())

        独热输出（数字 d = 1，其余为 0）：z = ±\(g)，所以每个比特都准确无误。

        \(digitTable(oneHot, language: language))

        良好但不完美的输出（正确数字为 0.99，其余为 0.01）：正确数字贡献
        ±\(right)，其余九个合起来至多 \(others)，所以 |z| ≥ \(least)，符号永远不会翻转。

        \(digitTable(good, language: language))
        \(all ? "全部 20 个向量都解码为各自的数字。" : "不一致：有些向量解码错误。")
        """)
    }

    /// Digits 0…9 pushed through the 4-bit layer with the right digit at `right` and the
    /// others at `wrong`, and whether each decodes.
    public static func fourBit(custom rows: [FourBitOutputLayer.Row], right: Double, wrong: Double, language: Language = .english) -> String {
        let bad = rows.filter { !$0.correct }.map { String($0.digit) }
        let g = NumberText.plain(FourBitOutputLayer.gain), r = NumberText.plain(right), w = NumberText.plain(wrong)
        return language.text("""
        The 4-bit layer (weights ±\(g), bias 0) on outputs with the right digit at \(r), the others at \(w):

        \(digitTable(rows, language: language))
        \(bad.isEmpty ? "All 10 digits decode." : "Decoded wrongly: \(bad.joined(separator: ", ")).")
        """, """
        4 比特输出层（权重 ±\(g)，偏置 0）作用于正确数字为 \(r)、其余数字为 \(w) 的输出：

        \(digitTable(rows, language: language))
        \(bad.isEmpty ? "全部 10 个数字都解码正确。" : "解码错误的数字：\(bad.joined(separator: ", "))。")
        """)
    }

    /// One row per digit: the perceptron bits, the sigmoid outputs and what they read as.
    static func digitTable(_ rows: [FourBitOutputLayer.Row], language: Language = .english) -> String {
        var table = TextTable(header: language.text("digit|perceptron bits|sigmoid outputs|reads as|ok",
                                                    "数字|感知机的比特|S 型神经元的输出|读作|正确").components(separatedBy: "|"))
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
