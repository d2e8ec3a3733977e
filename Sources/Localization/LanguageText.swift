extension Language {
    /// The text of one message in this language, given in both: how BackpropLab's tools
    /// keep every message's English and Chinese side by side where they print it
    /// (`PerceptronsText`, `BowlReport`, `TrainingSession`, …), so no translation can
    /// drift away from the English it renders.
    public func text(_ english: @autoclosure () -> String, _ chinese: @autoclosure () -> String) -> String {
        switch self {
        case .english: english()
        case .simplifiedChinese: chinese()
        }
    }

    /// A phrase the tools build from an option's value, in this language: "quadratic
    /// cost" is 二次代价函数, "validation" 验证集 (the glossary's terms). English, and
    /// any phrase not listed, come back unchanged.
    public func phrase(_ english: String) -> String {
        self == .english ? english : Self.chinesePhrases[english] ?? english
    }

    /// The phrases of `phrase(_:)`: the values of `--cost`, `--init`/`--initializer`
    /// and `--eval` as prose.
    static let chinesePhrases: [String: String] = [
        "quadratic cost": "二次代价函数",
        "cross-entropy cost": "交叉熵代价函数",
        "large initial weights": "大初始权重（large）",
        "scaled initial weights": "缩放初始权重（scaled）",
        "validation": "验证集",
        "test": "测试集",
    ]
}
