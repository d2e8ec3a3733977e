import Localization
import Rendering

/// Counts of (true digit, predicted digit) over a labelled set: the diagonal holds the
/// right answers, everything off it a kind of mistake.
public struct ConfusionMatrix: Equatable, Sendable {
    /// `counts[truth][predicted]`.
    public private(set) var counts: [[Int]]

    /// An empty matrix for `classes` classes.
    public init(classes: Int = 10) {
        counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
    }

    /// The number of classes.
    public var classes: Int { counts.count }

    /// Records one answer; labels outside 0..<classes are ignored.
    public mutating func add(truth: Int, predicted: Int) {
        guard counts.indices.contains(truth), counts.indices.contains(predicted) else { return }
        counts[truth][predicted] += 1
    }

    /// All answers recorded.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The right answers (the diagonal).
    public var correct: Int { counts.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// One mistake and how often it happened.
    public struct Pair: Codable, Equatable, Sendable {
        public var truth: Int
        public var predicted: Int
        public var count: Int
    }

    /// The `limit` most frequent mistakes, most frequent first (ties: smaller truth, then
    /// smaller prediction first).
    public func mostConfused(limit: Int = 5) -> [Pair] {
        var pairs: [Pair] = []
        for truth in counts.indices {
            for predicted in counts.indices where predicted != truth && counts[truth][predicted] > 0 {
                pairs.append(Pair(truth: truth, predicted: predicted, count: counts[truth][predicted]))
            }
        }
        pairs.sort { ($1.count, $0.truth, $0.predicted) < ($0.count, $1.truth, $1.predicted) }
        return Array(pairs.prefix(max(0, limit)))
    }

    /// The matrix as an aligned table: a row per true digit, a column per prediction, and
    /// each row's accuracy.
    public func table(language: Language = .english) -> TextTable {
        let header = [language.text("true\\pred", "真实\\预测")] + counts.indices.map(String.init) + [language.text("right", "正确率")]
        var table = TextTable(header: header, alignments: Array(repeating: .right, count: header.count))
        for truth in counts.indices {
            let row = counts[truth]
            let total = row.reduce(0, +)
            let right = total > 0 ? String(format: "%.1f%%", 100 * Double(row[truth]) / Double(total)) : "-"
            table.append([String(truth)] + row.map(String.init) + [right])
        }
        return table
    }
}
