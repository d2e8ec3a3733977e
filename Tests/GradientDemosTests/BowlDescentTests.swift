import BackpropEngine
import GradientDemos
import Testing

@Suite("Gradient descent on the bowl")
struct BowlDescentTests {
    @Test func costAndGradient() {
        let bowl = Bowl()
        #expect(bowl.cost([1.5, 1.0]) == 4.25)
        #expect(bowl.gradient([1.5, 1.0]) == [3, 4])
        #expect(bowl.formula == "C(v) = v₁² + 2v₂²")
    }

    @Test func firstOrderErrorShrinksQuadratically() {
        let checks = BowlDescent.linearChecks(Bowl(), at: [1.5, 1], direction: [0.6, -0.8], lengths: [0.1, 0.01])
        #expect(checks.count == 2)
        // For a quadratic C the left-out term is exactly ½ΔvᵀHΔv = ½(2·0.36 + 4·0.64)h².
        #expect(abs(checks[0].error - 1.64 * 0.01) < 1e-12)
        #expect(abs(checks[1].error / checks[0].error - 0.01) < 1e-6)
    }

    @Test func smallStepsGoDownhillAndLargeOnesOvershoot() {
        let gentle = BowlDescent.path(Bowl(), from: [1.5, 1], eta: 0.1, steps: 20)
        #expect(gentle.count == 21)
        #expect(zip(gentle, gentle.dropFirst()).allSatisfy { $1.cost < $0.cost })
        #expect(gentle[1].v == [1.5 - 0.3, 1 - 0.4])
        // Along v₂ the step multiplies by 1 − 4η: |1 − 4·0.6| > 1 diverges.
        let wild = BowlDescent.path(Bowl(), from: [1.5, 1], eta: 0.6, steps: 20)
        #expect(wild.last!.cost > wild.first!.cost)
    }

    @Test func levelCurvesLieOnTheLevel() {
        let bowl = Bowl()
        for point in bowl.levelCurve(2, count: 12) {
            #expect(abs(bowl.cost([point.x, point.y]) - 2) < 1e-12)
        }
        #expect(bowl.levelCurve(0).isEmpty)
    }
}
