import BackpropEngine
import Localization

extension Cost {
    /// The cost as a tool's prose names it: "quadratic cost", "cross-entropy cost";
    /// in Chinese the glossary's 二次代价函数 and 交叉熵代价函数.
    public func phrase(_ language: Language) -> String {
        switch self {
        case .quadratic: language.text("quadratic cost", "二次代价函数")
        case .crossEntropy: language.text("cross-entropy cost", "交叉熵代价函数")
        }
    }
}

extension Network.Initializer {
    /// The initial weights as a tool's prose names them: "large initial weights"
    /// (N(0, 1), chapter 1), "scaled initial weights" (N(0, 1/n_in), chapter 3).
    public func phrase(_ language: Language) -> String {
        switch self {
        case .large: language.text("large initial weights", "大初始权重（large）")
        case .scaled: language.text("scaled initial weights", "缩放初始权重（scaled）")
        }
    }
}
