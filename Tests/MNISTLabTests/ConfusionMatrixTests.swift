import MNISTLab
import Testing

@Suite struct ConfusionMatrixTests {
    @Test func countsRightAnswersAndRanksMistakes() {
        var matrix = ConfusionMatrix(classes: 3)
        for (truth, predicted) in [(0, 0), (0, 1), (1, 1), (2, 1), (2, 1), (0, 1), (1, 2), (5, 0)] {
            matrix.add(truth: truth, predicted: predicted)
        }
        #expect(matrix.total == 7)
        #expect(matrix.correct == 2)
        #expect(matrix.counts == [[1, 2, 0], [0, 1, 1], [0, 2, 0]])
        let pairs = matrix.mostConfused(limit: 2)
        #expect(pairs.map(\.truth) == [0, 2])
        #expect(pairs.map(\.predicted) == [1, 1])
        #expect(pairs.map(\.count) == [2, 2])
        let rendered = matrix.table().render()
        #expect(rendered.contains("true\\pred"))
        #expect(rendered.contains("33.3%"))
    }
}
