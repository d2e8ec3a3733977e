import Testing
@testable import BackpropEngine

@Suite("Shape mismatches stop with both shapes named")
struct ShapeMismatchTests {
    let w = Matrix(zeros: 3, 4)

    @Test("the checks name the operation and both shapes, and pass fitting shapes")
    func messages() {
        #expect(ShapeMismatch.lengths("+", Vector([1, 2, 3]), Vector([1, 2, 3, 4]))?.description
            == "Vector + Vector: shapes (3) and (4) do not match")
        #expect(ShapeMismatch.shapes("-", w, Matrix(zeros: 4, 3))?.description
            == "Matrix - Matrix: shapes 3×4 and 4×3 do not match")
        #expect(ShapeMismatch.product(w, Vector(zeros: 5))?.description
            == "Matrix * Vector: shapes 3×4 and (5) do not match")
        #expect(ShapeMismatch.lengths("⊙", Vector([1]), Vector([2])) == nil)
        #expect(ShapeMismatch.shapes("+", w, w) == nil)
        #expect(ShapeMismatch.product(w, Vector(zeros: 4)) == nil)
    }

    /// The operators themselves, each in a child process (Swift Testing's exit tests):
    /// it must stop, and its standard error must carry the message. Before, `+` on
    /// lengths 2 and 3 returned a 2-vector and `w * a` with a too-long a ignored the rest.
    @Test("operators on mismatched shapes stop the process with the message")
    func operatorsStop() async throws {
        func expectMessage(_ result: ExitTest.Result?, _ message: String) throws {
            let stderr = String(decoding: try #require(result).standardErrorContent, as: UTF8.self)
            #expect(stderr.contains(message), "\(stderr)")
        }
        try expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Vector([1, 2]) + Vector([1, 2, 3])
        }, "Vector + Vector: shapes (2) and (3) do not match")
        try expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Vector([1, 2]) - Vector([1, 2, 3])
        }, "Vector - Vector: shapes (2) and (3) do not match")
        try expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Vector([1, 2, 3]) ⊙ Vector([1, 2])
        }, "Vector ⊙ Vector: shapes (3) and (2) do not match")
        try expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Vector([1, 2]).dot(Vector([1, 2, 3]))
        }, "Vector · Vector: shapes (2) and (3) do not match")
        try expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(zeros: 3, 4) * Vector(zeros: 5)
        }, "Matrix * Vector: shapes 3×4 and (5) do not match")
        try expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(zeros: 3, 4) + Matrix(zeros: 4, 3)
        }, "Matrix + Matrix: shapes 3×4 and 4×3 do not match")
        try expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(zeros: 3, 4) - Matrix(zeros: 3, 3)
        }, "Matrix - Matrix: shapes 3×4 and 3×3 do not match")
    }
}
