extension Language {
    /// The text of one message in this language, given in both: how BackpropLab's tools
    /// keep every message's English and Chinese side by side in their text catalogues
    /// (`PerceptronsText`, `DemoText`, `MNISTText`, …), so no translation can drift
    /// away from the English it renders.
    public func text(_ english: @autoclosure () -> String, _ chinese: @autoclosure () -> String) -> String {
        switch self {
        case .english: english()
        case .simplifiedChinese: chinese()
        }
    }
}
