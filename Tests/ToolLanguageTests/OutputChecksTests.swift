import Localization
import Rendering
import Testing

/// The checks `ChineseOutputTests` relies on catch what they are for.
@Suite struct OutputChecksTests {
    @Test func numbersKeepTheirOrderAndSignAndIgnoreTimes() {
        #expect(OutputChecks.numbers("w = (−2, −2), b = 3, 1e-6, 0.74 s") == ["-2", "-2", "3", "1e-6"])
        #expect(OutputChecks.numbers("从 c = 100 起低于 1e-6") != OutputChecks.numbers("below 1e-6 from c = 100 on"))
        #expect(OutputChecks.numbers("用时 0.12 秒") == OutputChecks.numbers("in 0.57 s"))
    }

    @Test func englishSentencesAreFoundButFlagsAndNamesAreNot() {
        #expect(OutputChecks.englishProse("学会了 XOR\nthe output is 0 only when both inputs are 1") ==
                ["the output is 0 only when both inputs are 1"])
        #expect(OutputChecks.englishProse("更多：perceptrons ripple --bits N、sigmoid-limit。").isEmpty)
    }

    @Test func headersPaddedByCharactersInsteadOfColumnsAreMisaligned() {
        var table = TextTable(header: ["迭代期", "代价"])
        table.append(["1", "0.150639"])
        #expect(OutputChecks.misalignedHeaders(table.render()).isEmpty)
        // The same table padded as if every character took one column.
        let counted = "迭代期     代价\n──────  ────────\n     1  0.150639"
        #expect(!OutputChecks.misalignedHeaders(counted).isEmpty)
    }

    @Test func chineseCharactersAreCounted() {
        #expect(OutputChecks.chineseCharacters("感知机 (x1)，") == 4)
        #expect(OutputChecks.chineseCharacters("perceptron σ(z) ─│") == 0)
    }
}
