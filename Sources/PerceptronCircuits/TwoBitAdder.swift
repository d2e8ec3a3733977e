import BackpropEngine

/// Chapter 1's adder of two bits built only from NAND perceptrons:
///
///     n1 = NAND(x1, x2)
///     n2 = NAND(x1, n1)      n3 = NAND(x2, n1)
///     sum   = NAND(n2, n3)   (= x1 XOR x2)
///     carry = NAND(n1, n1)   (= x1 AND x2)
///
/// The carry perceptron reads n1 twice. Two connections of weight −2 from the same
/// perceptron add up to one connection of weight −4, which is the book's variant.
public enum TwoBitAdder {
    /// How the carry perceptron is wired to n1.
    public enum CarryWiring: String, Codable, CaseIterable, Sendable {
        /// Two connections of weight −2 each (the drawing of the chapter).
        case doubled
        /// One connection of weight −4.
        case single
    }

    /// The adder; outputs are [sum, carry]. With `.single` wiring the carry perceptron
    /// reads n1 once with weight `singleWeight` (the book's −4 by default).
    public static func circuit(carry wiring: CarryWiring, singleWeight: Double = 2 * NAND.weight) -> PerceptronCircuit {
        var b = CircuitBuilder(inputNames: ["x1", "x2"])
        let (x1, x2) = (b.input(0), b.input(1))
        let n1 = b.nand(x1, x2, name: "n1")
        let n2 = b.nand(x1, n1, name: "n2")
        let n3 = b.nand(x2, n1, name: "n3")
        let sum = b.nand(n2, n3, name: "sum")
        let carry = switch wiring {
        case .doubled: b.nand(n1, n1, name: "carry")
        case .single: b.perceptron(name: "carry", [(n1, singleWeight)], bias: NAND.bias)
        }
        return b.build(outputs: [sum, carry])
    }

    /// One input and what each variant computes on it.
    public struct Row: Codable, Equatable, Sendable {
        public var x1: Int
        public var x2: Int
        /// Sum and carry bits of the doubled-connection adder.
        public var sum: Int
        public var carry: Int
        /// Sum and carry bits of the single-weight adder.
        public var singleWeightSum: Int
        public var singleWeightCarry: Int
        /// 2·carry + sum equals x1 + x2 for both variants.
        public var correct: Bool
    }

    /// Both variants on all four inputs.
    public static func table(singleWeight: Double = 2 * NAND.weight) -> [Row] {
        let doubled = circuit(carry: .doubled)
        let single = circuit(carry: .single, singleWeight: singleWeight)
        return BitPattern.all(count: 2).map { x in
            let a = doubled.evaluate(Vector(x)).elements.map { Int($0) }
            let s = single.evaluate(Vector(x)).elements.map { Int($0) }
            let sum = Int(x[0] + x[1])
            let correct = 2 * a[1] + a[0] == sum && 2 * s[1] + s[0] == sum
            return Row(x1: Int(x[0]), x2: Int(x[1]), sum: a[0], carry: a[1],
                       singleWeightSum: s[0], singleWeightCarry: s[1], correct: correct)
        }
    }
}
