/// What one step of the page reads and writes on the network drawing, as keys of the
/// drawing's elements: `a2`, `z2`, `d2` (δ²), `b2`, `w2`, `gb2` (∂C/∂b²), `gw2`
/// (∂C/∂w²), `y` and `C`, with l the book's layer number (input l = 1).
///
/// The keys are read off the equation's formula, which the trace document writes in
/// the book's notation (`z² = w²a¹ + b²`, `δ² = ((w³)ᵀδ³) ⊙ σ′(z²)`, `∂C/∂w² = δ²(a¹)ᵀ`):
/// the left of `=` is written, the right read; in an update `w² → w² − …` the symbol
/// before each `→` is written. Equations without layer numbers (the mean gradient of a
/// mini-batch) touch every layer's ∂C/∂w and ∂C/∂b.
public struct TraceMarks: Sendable, Equatable {
    public var reads: [String]
    public var writes: [String]

    public init(reads: [String], writes: [String]) {
        self.reads = reads
        self.writes = writes
    }

    /// The marks of an equation of a network with L = `layers` layers.
    public init(formula: String, layers L: Int) {
        if formula.contains("→") {
            var reads: [String] = [], writes: [String] = []
            for part in formula.split(separator: ",") {
                let tokens = Self.tokens(String(part), layers: L)
                if let first = tokens.first { writes.append(first) }
                reads += tokens.dropFirst()
            }
            self.init(reads: Self.unique(reads), writes: Self.unique(writes))
            return
        }
        let sides = formula.split(separator: "=", maxSplits: 1).map(String.init)
        let left = Self.tokens(sides.first ?? "", layers: L)
        let right = sides.count > 1 ? Self.tokens(sides[1], layers: L) : []
        if left.isEmpty && right.isEmpty {
            let all = (2...max(L, 2)).flatMap { ["gb\($0)", "gw\($0)"] }
            self.init(reads: [], writes: all)
            return
        }
        self.init(reads: Self.unique(right), writes: Self.unique(left))
    }

    /// The keys named in `text`, in order.
    static func tokens(_ text: String, layers L: Int) -> [String] {
        let chars = Array(text)
        var keys: [String] = []
        var i = 0
        func layer(at start: Int) -> (Int, Int)? {
            var j = start, digits = ""
            while j < chars.count, let d = superscriptDigit(chars[j]) {
                digits.append(d)
                j += 1
            }
            return Int(digits).map { ($0, j) }
        }
        while i < chars.count {
            let rest = String(chars[i...])
            var matched = false
            for (prefix, key) in [("∂C/∂w", "gw"), ("∂C/∂b", "gb"), ("∂Cₓ/∂w", "gw"), ("∂Cₓ/∂b", "gb")] where rest.hasPrefix(prefix) {
                let end = i + prefix.count
                if let (l, j) = layer(at: end) {
                    keys.append("\(key)\(l)")
                    i = j
                } else {
                    i = end
                }
                matched = true
                break
            }
            if matched { continue }
            if rest.hasPrefix("∇ₐC") {
                keys += ["a\(L)", "y"]
                i += 3
                continue
            }
            let c = chars[i]
            let previous: Character = i > 0 ? chars[i - 1] : " "
            if "wbazδ".contains(c), !(previous.isASCII && previous.isLetter), let (l, j) = layer(at: i + 1) {
                keys.append((c == "δ" ? "d" : String(c)) + String(l))
                i = j
                continue
            }
            if c == "y", !(previous.isASCII && previous.isLetter), i + 1 == chars.count || !(chars[i + 1].isASCII && chars[i + 1].isLetter) {
                keys.append("y")
            }
            i += 1
        }
        return keys
    }

    private static func superscriptDigit(_ c: Character) -> Character? {
        guard let index = Array("⁰¹²³⁴⁵⁶⁷⁸⁹").firstIndex(of: c) else { return nil }
        return Character(String(index))
    }

    private static func unique(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
