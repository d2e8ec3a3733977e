import BackpropEngine
import Foundation
import Localization
import Pictures
import Rendering

/// How a network does on a labelled set: the score, the confusion matrix, and which
/// digits it got wrong (`mnist evaluate`).
public struct Evaluation: Sendable {
    /// One wrong answer: the example's index in the set, its label and the answer.
    public struct Mistake: Codable, Equatable, Sendable {
        public var index: Int
        public var truth: Int
        public var predicted: Int
    }

    public private(set) var confusion: ConfusionMatrix
    /// Every wrong answer, in the set's order.
    public private(set) var mistakes: [Mistake]

    /// Classifies every example of `data` with `network` (the most active output wins,
    /// as in `network.py`'s `evaluate`).
    public init(network: Network, data: [LabeledExample]) {
        confusion = ConfusionMatrix(classes: network.sizes.last ?? 10)
        mistakes = []
        for (index, example) in data.enumerated() {
            let predicted = network.feedforward(example.x).argmax
            confusion.add(truth: example.label, predicted: predicted)
            if predicted != example.label {
                mistakes.append(Mistake(index: index, truth: example.label, predicted: predicted))
            }
        }
    }

    /// Right answers.
    public var correct: Int { confusion.correct }
    /// Examples scored.
    public var total: Int { confusion.total }
    /// `correct / total` as a percentage with two decimals, e.g. "94.96%".
    public var percent: String { String(format: "%.2f%%", total > 0 ? 100 * Double(correct) / Double(total) : 0) }

    /// The machine-readable form (`mnist evaluate --format json`).
    public struct Report: Codable, Equatable, Sendable {
        public var model: String
        public var sizes: [Int]
        public var set: String
        public var correct: Int
        public var total: Int
        public var accuracy: Double
        /// `confusion[truth][predicted]`.
        public var confusion: [[Int]]
        public var mostConfused: [ConfusionMatrix.Pair]
        public var mistakes: [Mistake]
        public var png: String?
    }

    /// The report for a model file evaluated on `set`.
    public func report(model: String, sizes: [Int], set: EvaluationSet, png: String?) -> Report {
        Report(
            model: model, sizes: sizes, set: set.rawValue, correct: correct, total: total,
            accuracy: total > 0 ? Double(correct) / Double(total) : 0, confusion: confusion.counts,
            mostConfused: confusion.mostConfused(),
            mistakes: mistakes, png: png
        )
    }

    /// The text for people: score, confusion matrix, most confused pairs, and the first
    /// `show` mistakes drawn with Unicode blocks.
    public func text(model: String, network: Network, set: EvaluationSet, data: [LabeledExample], show: Int,
                     language: Language = .english) -> String {
        let lang = language
        let sizes = network.sizes.map(String.init).joined(separator: ",")
        let cost = network.cost.rawValue
        var out = lang.text("model: \(model) (\(sizes), \(cost) cost)\n", "模型：\(model)（\(sizes)，\(lang.phrase("\(cost) cost"))）\n")
        out += lang.text("\(set.rawValue): \(correct) / \(total) correct (\(percent))\n\n",
                         "\(lang.phrase(set.rawValue))：\(correct) / \(total) 正确（\(percent)）\n\n")
        out += lang.text("confusion matrix (rows: true digit, columns: the network's answer)\n",
                         "混淆矩阵（行：真实数字，列：网络的回答）\n")
        out += confusion.table(language: lang).render() + "\n\n"
        var pairs = TextTable(header: lang.text("true|answered|times", "真实|回答|次数").components(separatedBy: "|"),
                              alignments: [.right, .right, .right])
        for pair in confusion.mostConfused() {
            pairs.append([String(pair.truth), String(pair.predicted), String(pair.count)])
        }
        out += lang.text("most confused\n", "最常混淆\n") + pairs.render() + "\n"
        let drawn = mistakes.prefix(max(0, show)).compactMap { mistake -> (pixels: Vector, caption: String)? in
            guard data.indices.contains(mistake.index) else { return nil }
            return (data[mistake.index].x, "#\(mistake.index): \(mistake.truth) → \(mistake.predicted)")
        }
        if !drawn.isEmpty {
            out += lang.text("\n\(mistakes.count) misclassified; the first \(drawn.count) (true → answered):\n",
                             "\n分错 \(mistakes.count) 个；前 \(drawn.count) 个（真实 → 回答）：\n")
            out += DigitPicture.text(drawn) + "\n"
        }
        return out
    }

    /// The misclassified digits as a PNG grid, in the set's order.
    public func mistakesPNG(data: [LabeledExample], columns: Int = 20) -> PNGImage {
        DigitPicture.grid(mistakes.compactMap { data.indices.contains($0.index) ? data[$0.index].x : nil }, columns: columns)
    }
}
