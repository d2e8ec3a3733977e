import Testing
@testable import BackpropTrace

@Suite("NumberFormat and Script: how numbers and layer indices are printed")
struct NumberFormatTests {
    @Test("six decimals, scientific only when six decimals would hide the number")
    func cells() {
        #expect(NumberFormat.cell(0.1234567) == "0.123457")
        #expect(NumberFormat.cell(-2) == "-2.000000")
        #expect(NumberFormat.cell(0) == "0.000000")
        #expect(NumberFormat.cell(3.14159e-7) == "3.142e-07")
        #expect(NumberFormat.cell(.infinity) == "inf")
        #expect(NumberFormat.latexCell(3.14159e-7) == "3.142\\times10^{-7}")
        #expect(NumberFormat.list([1, 0.5]) == "(1.0, 0.5)")
    }

    @Test("layer numbers as superscripts, example numbers as subscripts")
    func scripts() {
        #expect(Script.sup(2) == "²")
        #expect(Script.sup(12) == "¹²")
        #expect(Script.sub(3) == "₃")
        #expect(Notation.ascii.spell("w" + Script.sup(12)) == "w^(12)")
    }
}
