import BackpropEngine

/// A trace laid out for people, independent of the output format: sections of
/// paragraphs and equations, all text in Unicode book notation (δ³, (w³)ᵀ, σ′(z²)).
/// `TextRenderer`, `MarkdownRenderer` and `LatexRenderer` print it; `Notation` spells
/// it in ASCII or LaTeX where needed.
public struct TraceDocument: Sendable {
    /// The first line.
    public var title: String
    /// The sections, in order.
    public var sections: [TraceSection]

    public init(title: String, sections: [TraceSection]) {
        self.title = title
        self.sections = sections
    }
}

/// A titled part of the trace: forward pass, backward pass, mini-batch, check.
public struct TraceSection: Sendable {
    /// The heading, or `nil` for the opening lines.
    public var title: String?
    /// Paragraphs and equations.
    public var blocks: [TraceBlock]

    public init(title: String?, blocks: [TraceBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

/// One paragraph or one equation; step mode pauses after each equation.
public enum TraceBlock: Sendable {
    /// Lines of prose (each string one line).
    case paragraph([String])
    /// An equation with its numbers.
    case equation(TraceEquation)
}

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

/// One item of an equation row.
public enum TraceTerm: Sendable {
    /// A named matrix (vectors are one-column matrices).
    case matrix(name: String, value: Matrix)
    /// An operator or symbol between matrices: `+`, `=`, `⊙`, `σ`.
    case symbol(String)

    /// A column vector as a one-column matrix.
    public static func column(_ name: String, _ v: Vector) -> TraceTerm {
        .matrix(name: name, value: Matrix(rows: v.count, columns: 1, elements: v.elements) ?? Matrix(zeros: 0, 1))
    }

    /// A row vector (a transposed column), e.g. (a¹)ᵀ.
    public static func row(_ name: String, _ v: Vector) -> TraceTerm {
        .matrix(name: name, value: Matrix(rows: 1, columns: v.count, elements: v.elements) ?? Matrix(zeros: 1, 0))
    }
}
