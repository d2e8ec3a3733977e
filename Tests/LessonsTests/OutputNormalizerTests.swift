import Course
import Testing

@Suite("Output normalisation for the doc-test")
struct OutputNormalizerTests {
    @Test(arguments: [
        ("Epoch 0: 9129 / 10000 (1.84 s)", "Epoch 0: 9129 / 10000 (<time>)"),
        ("took 12s, then 350 ms", "took <time>, then <time>"),
        ("3 steps, 20 samples, 5 ms", "3 steps, 20 samples, <time>"),
        ("x2s and v1.5 s", "x2s and v1.5 s"),
        ("batch 10s", "batch <time>"),
        ("2 ms/step", "<time>/step"),
        ("0.5 seconds", "0.5 seconds"),
        ("训练用时：m = 1 0.22 秒，m = 10 0.17 秒", "训练用时：m = 1 <time>，m = 10 <time>"),
        ("3 个迭代期用时 0.04 秒", "3 个迭代期用时 <time>"),
        ("每次回答限时 5.0 秒）", "每次回答限时 <time>）"),
        ("350 毫秒内，12秒", "<time>内，<time>"),
        ("迭代期 2，456 / 1000（45.60%）", "迭代期 2，456 / 1000（45.60%）"),
    ])
    func timingsBecomePlaceholders(input: String, expected: String) {
        #expect(OutputNormalizer.normalize(input) == expected)
    }

    @Test func trailingWhitespaceAndBlankLinesAreIgnored() {
        #expect(OutputNormalizer.normalize("a  \r\nb\t\n\n\n") == "a\nb")
        #expect(OutputNormalizer.normalize("  indented stays") == "  indented stays")
        #expect(OutputNormalizer.normalize("a\n\nb") == "a\n\nb")
    }

    @Test func otherDifferencesRemain() {
        #expect(OutputNormalizer.normalize("cost 0.150639") != OutputNormalizer.normalize("cost 0.150640"))
    }
}

@Suite("Short diffs for mismatches")
struct LineDiffTests {
    @Test func showsTheChangedLinesWithContext() {
        let expected = "seed: 1\nepoch cost\n1 0.15\n2 0.10\nend"
        let actual = "seed: 1\nepoch cost\n1 0.15\n2 0.11\nend"
        #expect(LineDiff.describe(expected: expected, actual: actual) == """
          2  epoch cost
          3  1 0.15
        - 4  2 0.10
        + 4  2 0.11
          5  end
        """)
        #expect(LineDiff.describe(expected: "same", actual: "same").isEmpty)
        #expect(LineDiff.describe(expected: "a\nb", actual: "a\nc", firstLine: 30) == "  30  a\n- 31  b\n+ 31  c")
    }

    @Test func longDiffsAreCut() {
        let expected = (1...40).map(String.init).joined(separator: "\n")
        let diff = LineDiff.describe(expected: expected, actual: "", limit: 5)
        #expect(diff.split(separator: "\n").count == 6)
        #expect(diff.hasSuffix("more diff lines"))
    }
}
