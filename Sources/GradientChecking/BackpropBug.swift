import BackpropEngine
import Localization

/// The bug zoo: deliberately broken variants of backprop, each a mistake people really
/// make, for `gradcheck --bug NAME` and for the exercises of lesson 7
/// ("this gradient check fails — which equation is wrong?").
///
/// The textbook engine is never changed; the broken variants live here
/// (`BuggyBackprop.swift`) and are plugged into the checker as a `GradientFunction`.
public enum BackpropBug: String, CaseIterable, Sendable, Codable {
    /// δᴸ = ∇ₐC, forgetting the σ′(zᴸ) of BP1.
    case noOutputSigmaPrime = "no-output-sigma-prime"
    /// δˡ = (wˡ⁺¹)ᵀ δˡ⁺¹, forgetting the σ′(zˡ) of BP2.
    case noHiddenSigmaPrime = "no-hidden-sigma-prime"
    /// BP2 with wˡ in place of (wˡ⁺¹)ᵀ.
    case wrongWeightMatrix = "wrong-weight-matrix"
    /// BP4 as ∂C/∂wˡ = δˡ (aˡ)ᵀ instead of δˡ (aˡ⁻¹)ᵀ.
    case wrongActivation = "wrong-activation"
    /// BP3 left out: ∂C/∂b stays 0.
    case zeroBiasGradient = "zero-bias-gradient"
    /// ∇ₐC = y − aᴸ instead of aᴸ − y: every gradient has the wrong sign.
    case wrongSign = "wrong-sign"
    /// The sum over the mini-batch divided by m twice.
    case doubleBatchDivision = "double-batch-division"
    /// δᴸ = aᴸ − y (the cross-entropy output error) used whatever the cost.
    case crossEntropyDelta = "cross-entropy-delta"

    /// What the broken code does, in one line, in `language`.
    public func summary(_ language: Language) -> String {
        guard language == .simplifiedChinese else { return summary }
        return switch self {
        case .noOutputSigmaPrime: "输出层误差 δᴸ = ∇ₐC，漏掉了因子 σ′(zᴸ)"
        case .noHiddenSigmaPrime: "反向传播的误差 δˡ = (wˡ⁺¹)ᵀ δˡ⁺¹，漏掉了因子 σ′(zˡ)"
        case .wrongWeightMatrix: "反向传播误差时用了 wˡ，而应当用 (wˡ⁺¹)ᵀ"
        case .wrongActivation: "权重的梯度写成 δˡ (aˡ)ᵀ，而应当是 δˡ (aˡ⁻¹)ᵀ"
        case .zeroBiasGradient: "偏置的梯度一直是零"
        case .wrongSign: "∇ₐC = y − aᴸ，而应当是 aᴸ − y（符号错误）"
        case .doubleBatchDivision: "小批量上的和被小批量大小 m 除了两次"
        case .crossEntropyDelta: "不论哪种代价函数，输出层误差都用 δᴸ = aᴸ − y（交叉熵的公式）"
        }
    }

    /// A longer explanation for `--list-bugs` in `language`.
    public func explanation(_ language: Language) -> String {
        guard language == .simplifiedChinese else { return explanation }
        return switch self {
        case .noOutputSigmaPrime:
            "BP1 是 δᴸ = ∇ₐC ⊙ σ′(zᴸ)；这个变体只返回 ∇ₐC，所以每个 δ 都大了 1/σ′(zᴸ) 倍。"
        case .noHiddenSigmaPrime:
            "BP2 是 δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ)；这个变体丢掉了 ⊙ σ′(zˡ)。第 L 层仍然正确。没有隐藏层的网络看不出这个错误。"
        case .wrongWeightMatrix:
            "BP2 需要下一层的权重并加以转置；这个变体读的是本层自己的 wˡ（取元素 (j, k)，wˡ 较小时下标回绕）。"
        case .wrongActivation:
            "BP4 把 δˡ 与送入第 l 层的激活值 aˡ⁻¹ 配对；这个变体用的是 aˡ（下标回绕以对齐）。δ 本身是对的。"
        case .zeroBiasGradient:
            "BP3 说 ∂C/∂bˡ = δˡ；这个变体从不填写 ∂C/∂b，就像忘了写这一行。"
        case .wrongSign:
            "代价函数的导数 ∇ₐC = aᴸ − y 被写成了 y − aᴸ，于是梯度下降反而会让代价上升。"
        case .doubleBatchDivision:
            "小批量上的平均是 (1/m) Σₓ ∇Cₓ；这个变体又多除了一次 m。小批量大小为 1 时看不出这个错误。"
        case .crossEntropyDelta:
            "δᴸ = aᴸ − y 只对交叉熵代价函数成立（σ′ 被约掉了）；用二次代价函数时 BP1 需要 (aᴸ − y) ⊙ σ′(zᴸ)。使用 --cost cross-entropy 时看不出这个错误。"
        }
    }

    /// What the broken code does, in one line.
    public var summary: String {
        switch self {
        case .noOutputSigmaPrime: "output error δᴸ = ∇ₐC, without the factor σ′(zᴸ)"
        case .noHiddenSigmaPrime: "propagated error δˡ = (wˡ⁺¹)ᵀ δˡ⁺¹, without the factor σ′(zˡ)"
        case .wrongWeightMatrix: "propagated error uses wˡ where (wˡ⁺¹)ᵀ belongs"
        case .wrongActivation: "weight gradient δˡ (aˡ)ᵀ instead of δˡ (aˡ⁻¹)ᵀ"
        case .zeroBiasGradient: "bias gradient left at zero"
        case .wrongSign: "∇ₐC = y − aᴸ instead of aᴸ − y (wrong sign)"
        case .doubleBatchDivision: "mini-batch sum divided by the batch size m twice"
        case .crossEntropyDelta: "output error δᴸ = aᴸ − y (cross-entropy's) with any cost"
        }
    }

    /// A longer explanation for `--list-bugs`: where the mistake sits and what it does.
    public var explanation: String {
        switch self {
        case .noOutputSigmaPrime:
            "BP1 is δᴸ = ∇ₐC ⊙ σ′(zᴸ); this variant returns ∇ₐC alone, so every δ is too large by 1/σ′(zᴸ)."
        case .noHiddenSigmaPrime:
            "BP2 is δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ); this variant drops ⊙ σ′(zˡ). Layer L stays right. Invisible in a net without hidden layers."
        case .wrongWeightMatrix:
            "BP2 needs the next layer's weights, transposed; this variant reads the layer's own wˡ (entry (j, k), indices wrapping where wˡ is smaller)."
        case .wrongActivation:
            "BP4 pairs δˡ with the activations feeding layer l, aˡ⁻¹; this variant takes aˡ (indices wrapping to fit). δ itself is right."
        case .zeroBiasGradient:
            "BP3 says ∂C/∂bˡ = δˡ; this variant never fills ∂C/∂b in, as if the line were forgotten."
        case .wrongSign:
            "The cost's derivative ∇ₐC = aᴸ − y is written y − aᴸ, so gradient descent would climb the cost."
        case .doubleBatchDivision:
            "The mean over the mini-batch is (1/m) Σₓ ∇Cₓ; this variant divides by m once more. Invisible with a batch of 1."
        case .crossEntropyDelta:
            "δᴸ = aᴸ − y is right for the cross-entropy cost only (σ′ cancels); with the quadratic cost BP1 needs (aᴸ − y) ⊙ σ′(zᴸ). Invisible with --cost cross-entropy."
        }
    }

    /// The equation the checker should blame.
    public var expectedCulprit: Culprit {
        switch self {
        case .noOutputSigmaPrime, .wrongSign, .crossEntropyDelta: .bp1
        case .noHiddenSigmaPrime, .wrongWeightMatrix: .bp2
        case .wrongActivation: .bp4
        case .zeroBiasGradient: .bp3
        case .doubleBatchDivision: .batchMean
        }
    }

    /// The layer the checker should name as the first to disagree in a net of L layers.
    public func expectedLayer(layers L: Int) -> Int {
        expectedCulprit == .bp2 ? L - 1 : L
    }

    /// The order of the exercises in lesson 7 (`gradcheck --mystery N` is bug N),
    /// shuffled so that the number does not give the answer away.
    public static let mysteryOrder: [BackpropBug] = [
        .wrongActivation, .noHiddenSigmaPrime, .zeroBiasGradient, .noOutputSigmaPrime,
        .doubleBatchDivision, .wrongWeightMatrix, .wrongSign, .crossEntropyDelta,
    ]

    /// The broken gradient, as a `GradientFunction` for the checker.
    public var gradient: GradientFunction {
        let bug = self
        return { network, batch, lambda, n in
            bug.meanGradient(network: network, batch: batch, lambda: lambda, n: n)
        }
    }
}
