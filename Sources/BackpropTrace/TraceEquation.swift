/// An equation as the book writes it, then the same equation with numbers:
/// each row is operands and operators, e.g. `w² · a¹ + b² = z²`, with matrices shown
/// with their shapes.
public struct TraceEquation: Sendable {
    /// A short tag such as `BP1` or `forward`, or `nil`.
    public var label: String?
    /// The equation in symbols only, e.g. `δ² = ((w³)ᵀδ³) ⊙ σ′(z²)`.
    public var formula: String
    /// A remark in words after the formula, or `nil`.
    public var note: String?
    /// Rows of numbers.
    public var rows: [[TraceTerm]]

    public init(label: String?, formula: String, note: String? = nil, rows: [[TraceTerm]]) {
        self.label = label
        self.formula = formula
        self.note = note
        self.rows = rows
    }
}
