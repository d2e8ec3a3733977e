import Testing
@testable import BackpropTrace

@Suite("Notation: Unicode book notation in ASCII and LaTeX")
struct NotationTests {
    @Test("ASCII groups superscripts and keeps them apart from the next symbol")
    func ascii() {
        #expect(Notation.ascii.spell("zˡ = wˡaˡ⁻¹ + bˡ") == "z^l = w^l a^(l-1) + b^l")
        #expect(Notation.ascii.spell("δ² = ((w³)ᵀδ³) ⊙ σ′(z²)") == "delta^2 = ((w^3)^T delta^3) (.) sigma'(z^2)")
        #expect(Notation.ascii.spell("∂C/∂w¹²") == "dC/dw^(12)")
    }

    @Test("LaTeX math mode")
    func latexMath() {
        #expect(Notation.latexMath.spell("∂C/∂w³ = δ³(a²)ᵀ") == "\\partial C/\\partial w^{3} = \\delta ^{3}(a^{2})^{T}")
    }

    @Test("LaTeX text mode escapes ASCII and puts symbols in math")
    func latexText() {
        #expect(Notation.latexText.spell("weights[l − 2] of 100%") == "weights[l \\(-\\) 2] of 100\\%")
        #expect(Notation.latexText.spell("x = a¹_b") == "x = \\(a^{1}\\)\\_b")
        #expect(Notation.latexText.spell("--format") == "-{}-format")
    }

    @Test("every symbol the text renderer meets turns into ASCII")
    func everythingASCII() {
        let text = "½‖y − a³‖² ∇ₐC ⊙ σ′ → η·Σₓ ∂Cₓ₁ … ─ —"
        #expect(Notation.ascii.spell(text).unicodeScalars.allSatisfy { $0.isASCII })
        #expect(!Notation.ascii.spell(text).contains("?"))
    }
}
