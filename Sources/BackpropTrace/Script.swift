/// Superscripts and subscripts for layer and example numbers: `sup(12)` is `¹²`.
public enum Script {
    private static let superDigits = Array("⁰¹²³⁴⁵⁶⁷⁸⁹")
    private static let subDigits = Array("₀₁₂₃₄₅₆₇₈₉")

    /// `n` in superscript digits (a minus sign as `⁻`).
    public static func sup(_ n: Int) -> String { spell(n, superDigits, minus: "⁻") }

    /// `n` in subscript digits.
    public static func sub(_ n: Int) -> String { spell(n, subDigits, minus: "₋") }

    private static func spell(_ n: Int, _ digits: [Character], minus: Character) -> String {
        String(String(n).map { c -> Character in c.wholeNumberValue.map { digits[$0] } ?? minus })
    }
}
