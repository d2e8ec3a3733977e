import Foundation

/// How the perceptron lessons print numbers: whole numbers without ".0", a true minus
/// sign "−" in formulas, and distances in scientific notation.
public enum NumberText {
    /// "3", "−4", "0.5", "0.99", "0.387495": whole numbers exactly, others to 6 significant digits.
    public static func plain(_ v: Double) -> String {
        let text = v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.6g", v)
        return text.replacingOccurrences(of: "-", with: "−")
    }

    /// A number in parentheses when negative, as it appears in a product: "(−2)", "3".
    public static func factor(_ v: Double) -> String {
        v < 0 ? "(\(plain(v)))" : plain(v)
    }

    /// "4.540e-05", or "0" for exactly zero: how far apart two outputs are.
    public static func distance(_ v: Double) -> String {
        v == 0 ? "0" : String(format: "%.3e", v)
    }

    /// A value in [0, 1] with 6 decimals, e.g. an activation "0.999955".
    public static func activation(_ v: Double) -> String {
        String(format: "%.6f", v)
    }

    /// c = 1, 10, 100 … written as "1", "10", "1e+06" beyond 100 000.
    public static func scale(_ c: Double) -> String {
        c < 1e6 && c == c.rounded() ? String(Int(c)) : String(format: "%g", c)
    }
}
