import BackpropEngine
import Foundation
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
    public func text(model: String, network: Network, set: EvaluationSet, data: [LabeledExample], show: Int) -> String {
        let sizes = network.sizes.map(String.init).joined(separator: ",")
        var out = "model: \(model) (\(sizes), \(network.cost.rawValue) cost)\n"
        out += "\(set.rawValue): \(correct) / \(total) correct (\(percent))\n\n"
        out += "confusion matrix (rows: true digit, columns: the network's answer)\n"
        out += confusion.table().render() + "\n\n"
        var pairs = TextTable(header: ["true", "answered", "times"], alignments: [.right, .right, .right])
        for pair in confusion.mostConfused() {
            pairs.append([String(pair.truth), String(pair.predicted), String(pair.count)])
        }
        out += "most confused\n" + pairs.render() + "\n"
        let drawn = mistakes.prefix(max(0, show)).compactMap { mistake -> (pixels: Vector, caption: String)? in
            guard data.indices.contains(mistake.index) else { return nil }
            return (data[mistake.index].x, "#\(mistake.index): \(mistake.truth) → \(mistake.predicted)")
        }
        if !drawn.isEmpty {
            out += "\n\(mistakes.count) misclassified; the first \(drawn.count) (true → answered):\n"
            out += DigitPicture.text(drawn) + "\n"
        }
        return out
    }

    /// The misclassified digits as a PNG grid, in the set's order.
    public func mistakesPNG(data: [LabeledExample], columns: Int = 20) -> PNGImage {
        DigitPicture.grid(mistakes.compactMap { data.indices.contains($0.index) ? data[$0.index].x : nil }, columns: columns)
    }
}
