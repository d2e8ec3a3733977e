import Course
import Testing

@Suite("The untranslated-prose heuristic")
struct UntranslatedProseTests {
    @Test func findsEnglishSentencesOnly() {
        let text = """
        # 第 1 课　感知机

        感知机接收若干数 x₁, x₂, …，总和为正时 w·x + b > 0 就激活。
        This sentence was left in English by mistake.
        运行 `swift run perceptrons scaling --trials 20 --seed 7 and more words here` 看看。
        见 [the book](http://neuralnetworksanddeeplearning.com/chap1.html) 与 *Neural Networks and Deep Learning*。

            output = 1 if w·x + b > 0, else 0

        ```text
        The perceptron networks never changed their output.
        ```
        <!-- a comment in English that is long enough -->
        """
        let findings = UntranslatedProse.find(in: text)
        #expect(findings == [UntranslatedProse.Finding(line: 4, words: "This sentence was left in English by mistake.")])
    }

    @Test func wordsAndSymbols() {
        #expect(UntranslatedProse.isWord("mini-batch,"))
        #expect(UntranslatedProse.isWord("*why*"))
        #expect(!UntranslatedProse.isWord("w·x"))
        #expect(!UntranslatedProse.isWord("BP1"))
        #expect(!UntranslatedProse.isWord("感知机"))
        #expect(!UntranslatedProse.isWord("+"))
    }
}
