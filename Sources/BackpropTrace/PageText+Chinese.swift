import Localization

extension PageText {
    /// The Simplified Chinese text of the pages (`--lang zh-Hans`), in the glossary's
    /// terms. Formulas, symbols and numbers stay as in English; `%d`/`%@` take the same
    /// arguments in the same order.
    public static let chinese: PageText = {
        var t = PageText()
        t.language = "zh-Hans"
        t.stepsHeading = "步骤"
        t.keysHint = "← / → 或空格：上一步 / 下一步 · Home / End：第一步 / 最后一步 · 点击某一步可直接跳转"
        t.previous = "← 上一步"
        t.next = "下一步 →"
        t.stepOf = "第 %d 步，共 %d 步"
        t.legendHeading = "图例"
        t.legendPositive = "正的 w（或 ∂C/∂w）"
        t.legendNegative = "负的 w（或 ∂C/∂w）"
        t.legendThickness = "线的粗细：|w| 的大小（梯度步骤中为 |∂C/∂w|），相对于最大值"
        t.legendFill = "神经元的填充：激活值 a，从 0（白）到 1（深）"
        t.legendReads = "本步读取的量"
        t.legendWrites = "本步写出的量"
        t.legendPending = "淡色：尚未计算"
        t.summarised = "另有 %d 个"
        t.oneNeuron = "%d 个神经元"
        t.neurons = "%d 个神经元"
        t.summaryBand = "%@（%d×%d）：所有连接汇总显示，从 %@ 到 %@"
        t.costStep = "代价"
        t.checkStep = "用有限差分检验"
        t.noteHeading = "说明"
        t.layerLabel = "第 %d 层"
        t.inputLabel = "输入层，l = 1"
        t.outputLabel = "输出层，l = L = %d"
        t.maxRelativeError = "最大相对误差"
        t.costBefore = "更新前"
        t.costAfter = "更新后"
        t.checkTitle = "梯度检验：%@ 对照 %@"
        t.heatHeading = "每个权重和偏置的相对误差，按层显示"
        t.heatCaption = "颜色：|a − n| / max(|a|, |n|, atol/rtol) 的 log₁₀，不超过 rtol 为绿色，超过则由橙到红；深红边框的格子未通过（两种误差都超出容差）；鼠标悬停可查看数值"
        t.heatScale = "相对误差"
        t.verdictPass = "通过：%@ 与 %@ 在全部 %d 个%@上一致"
        t.verdictFail = "未通过：%d 个不一致（共 %d 个%@）"
        t.diagnosisHeading = "诊断"
        t.firstLayer = "第一个不一致的层：%d（反向传播从第 L = %d 层向下算到第 2 层）"
        t.culprit = "可能的原因"
        t.why = "为什么"
        t.pictureHeading = "学生研究的神经网络"
        t.pictureCaption = "连接：该权重的 ∂C/∂w 的相对误差；神经元边框：∂C/∂b 的相对误差（红色：未通过）"
        t.blockCaption = "%@（%@）：检验 %d 个，未通过 %d 个，最大相对误差 %@"
        t.cellTip = "%@：被检验的值 %@，参考值 %@，相对误差 %@"
        t.entries = "分量"
        t.directions = "方向"
        t.directionsNote = "方向模式：每个格子是一个随机单位方向，而不是一个分量"
        t.mysteryHidden = "哪个方程错了？和文字报告一样，页面把诊断留给 --guess。"
        return t
    }()

    /// The page text in `language`.
    public static func of(_ language: Language) -> PageText {
        language == .english ? .english : .chinese
    }

    /// The language of the trace document shown with this text (its `language` tag).
    public var documentLanguage: Language {
        Language(flag: language) ?? .english
    }
}
