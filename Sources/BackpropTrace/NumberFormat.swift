import Foundation

/// How the trace prints a number for people: six decimals, or three significant
/// digits in scientific form when six decimals would hide it (|v| < 10⁻⁴) or it is
/// huge. The JSON format prints every Double in full instead.
public enum NumberFormat {
    /// `v` for a matrix cell, e.g. `-0.123457` or `3.142e-07`.
    public static func cell(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        let magnitude = abs(v)
        if v == 0 || (magnitude >= 1e-4 && magnitude < 1e6) {
            return String(format: "%.6f", v)
        }
        return String(format: "%.3e", v)
    }

    /// A relative error or step size, e.g. `2.1e-11`.
    public static func scientific(_ v: Double) -> String {
        String(format: "%.1e", v)
    }

    /// A cost value, e.g. `0.287431`.
    public static func cost(_ v: Double) -> String {
        cell(v)
    }

    /// `cell(v)` written for LaTeX math: `3.142\times10^{-7}`.
    public static func latexCell(_ v: Double) -> String {
        let text = cell(v)
        guard let e = text.firstIndex(of: "e") else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(text[..<e])\\times10^{\(exponent)}"
    }

    /// A short list `(1.0, 0.5)` of input values as typed (shortest round-trip form).
    public static func list(_ values: [Double]) -> String {
        "(" + values.map(shortest).joined(separator: ", ") + ")"
    }

    /// The shortest text that reads back as `v`, e.g. `0.5`, `3.0`.
    public static func shortest(_ v: Double) -> String {
        v.description
    }
}
