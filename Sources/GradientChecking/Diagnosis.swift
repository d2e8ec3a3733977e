import Localization

/// The equation a failing check most likely points at.
public enum Culprit: String, Sendable, Codable, CaseIterable {
    case bp1 = "BP1"
    case bp2 = "BP2"
    case bp3 = "BP3"
    case bp4 = "BP4"
    /// The mini-batch mean ∇C ≈ (1/m) Σₓ ∇Cₓ (chapter 1, eqs. 18–21).
    case batchMean = "mean"

    /// The equation in the book's notation.
    public var equation: String { equation(.english) }

    /// The equation in the book's notation, introduced in `language` (the symbols are
    /// the same in every language).
    public func equation(_ language: Language) -> String {
        guard language == .simplifiedChinese else { return englishEquation }
        return switch self {
        case .bp1: "BP1，输出层误差 δᴸ = ∇ₐC ⊙ σ′(zᴸ)"
        case .bp2: "BP2，反向传播的误差 δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ)"
        case .bp3: "BP3，偏置的梯度 ∂C/∂bˡⱼ = δˡⱼ"
        case .bp4: "BP4，权重的梯度 ∂C/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ"
        case .batchMean: "小批量平均 ∇C = (1/m) Σₓ ∇Cₓ（第 1 章，式 18–21）"
        }
    }

    private var englishEquation: String {
        switch self {
        case .bp1: "BP1, the output error δᴸ = ∇ₐC ⊙ σ′(zᴸ)"
        case .bp2: "BP2, the propagated error δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ)"
        case .bp3: "BP3, the bias gradient ∂C/∂bˡⱼ = δˡⱼ"
        case .bp4: "BP4, the weight gradient ∂C/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ"
        case .batchMean: "the mini-batch mean ∇C = (1/m) Σₓ ∇Cₓ (chapter 1, eqs. 18–21)"
        }
    }
}

/// Where backprop first goes wrong and which equation is the likely culprit.
///
/// Backprop computes from the output layer L down to layer 2, so the *first*
/// disagreeing layer is the highest-numbered one that fails. The culprit follows from
/// which layers and kinds fail:
///
/// | what fails                                   | culprit |
/// |----------------------------------------------|---------|
/// | only weights (all biases right)              | BP4: δ is right, its use for ∂C/∂w is not |
/// | only biases (all weights right)              | BP3: δ is right, its use for ∂C/∂b is not |
/// | every bias off by the factor −1              | BP1 (a sign error in ∇ₐC = aᴸ − y)         |
/// | every bias off by the factor 1/m, m > 1      | the mini-batch mean (divided by m twice)   |
/// | every bias off by the factor m, m > 1        | the mini-batch mean (a sum, not a mean)    |
/// | layer L's biases (δᴸ)                        | BP1: every δ below inherits the wrong δᴸ   |
/// | layer L right, a lower layer's biases wrong  | BP2 at the highest failing layer           |
public struct Diagnosis: Sendable, Equatable {
    /// The first disagreeing layer, in the book's numbering (input = layer 1).
    public var layer: Int
    public var culprit: Culprit
    /// Why, in a sentence a person can act on.
    public var reason: String
    /// The same sentence in Simplified Chinese, with the same numbers and symbols.
    public var chineseReason: String

    /// Why, in `language`.
    public func reason(_ language: Language) -> String {
        language.text(reason, chineseReason)
    }

    /// The diagnosis for `blocks` of a network with `layers` layers checked on a
    /// mini-batch of `batchSize`, or `nil` when every block passed. `atol` is the
    /// check's absolute tolerance: differences below it are rounding, not signal.
    public init?(blocks: [BlockResult], layers: Int, batchSize: Int, atol: Double = CheckOptions.defaultAtol) {
        let failing = blocks.filter { !$0.passed }
        guard let first = failing.map(\.block.layer).max() else { return nil }
        let weightLayers = Set(failing.filter { $0.block.kind == .weight }.map(\.block.layer))
        let biasLayers = Set(failing.filter { $0.block.kind == .bias }.map(\.block.layer))
        let L = layers
        layer = first
        if biasLayers.isEmpty {
            culprit = .bp4
            reason = "only weights disagree (every bias is right), so δ is right and ∂C/∂w is built from it wrongly: check that it is δˡ times aˡ⁻¹ (not aˡ), and the L2 term (λ/n)·w"
            chineseReason = "只有权重不一致（偏置全部正确），所以 δ 是对的，错在由它构造 ∂C/∂w 的方式：检查它是否为 δˡ 乘以 aˡ⁻¹（而不是 aˡ），以及 L2 项 (λ/n)·w"
            return
        }
        if weightLayers.isEmpty {
            culprit = .bp3
            reason = "only biases disagree (every weight is right, so δ is right): ∂C/∂bˡ should be δˡ itself"
            chineseReason = "只有偏置不一致（权重全部正确，所以 δ 是对的）：∂C/∂bˡ 应当就是 δˡ 本身"
            return
        }
        let biases = blocks.filter { $0.block.kind == .bias }
        if let ratio = Diagnosis.commonRatio(biases, atol: atol) {
            if abs(ratio + 1) < 1e-4 {
                layer = L
                culprit = .bp1
                reason = "every bias gradient is exactly −1 times the true one: a sign error, e.g. y − aᴸ instead of aᴸ − y in ∇ₐC"
                chineseReason = "每个偏置的梯度都恰好是正确值的 −1 倍：符号错误，例如在 ∇ₐC 中写成了 y − aᴸ 而不是 aᴸ − y"
                return
            }
            if batchSize > 1, abs(ratio * Double(batchSize) - 1) < 1e-4 {
                culprit = .batchMean
                reason = "every bias gradient is exactly 1/\(batchSize) of the true one, and \(batchSize) is the mini-batch size: the sum over the mini-batch is divided by m twice"
                chineseReason = "每个偏置的梯度都恰好是正确值的 1/\(batchSize)，而 \(batchSize) 正是小批量大小：小批量上的和被 m 除了两次"
                return
            }
            // Checked before BP1: a sum where the mean belongs makes layer L wrong
            // too, and blaming δᴸ would send the reader to the wrong equation.
            if batchSize > 1, abs(ratio / Double(batchSize) - 1) < 1e-4 {
                culprit = .batchMean
                reason = "every bias gradient is exactly \(batchSize) times the true one, and \(batchSize) is the mini-batch size: the gradients of the mini-batch are summed where their mean (1/m) Σₓ ∇Cₓ belongs"
                chineseReason = "每个偏置的梯度都恰好是正确值的 \(batchSize) 倍，而 \(batchSize) 正是小批量大小：应当取平均 (1/m) Σₓ ∇Cₓ 的地方，小批量的梯度被直接求和了"
                return
            }
        }
        if biasLayers.contains(L) {
            layer = L
            culprit = .bp1
            reason = "layer L = \(L) already disagrees in both w and b, so δᴸ is wrong, and every δ below inherits it: check ∇ₐC and the factor σ′(zᴸ) for this cost"
            chineseReason = "第 L = \(L) 层的 w 和 b 已经都不一致，所以 δᴸ 是错的，它下面的每个 δ 都继承了这个错误：检查 ∇ₐC 以及该代价函数下的因子 σ′(zᴸ)"
            return
        }
        layer = biasLayers.max() ?? first
        culprit = .bp2
        reason = "layer L = \(L) is right but layer \(layer) is not, so δᴸ is right and the step from δˡ⁺¹ to δˡ is wrong: check (wˡ⁺¹)ᵀ (transposed, layer l + 1) and the factor σ′(zˡ)"
        chineseReason = "第 L = \(L) 层正确，但第 \(layer) 层不正确，所以 δᴸ 是对的，错在从 δˡ⁺¹ 到 δˡ 这一步：检查 (wˡ⁺¹)ᵀ（要转置，且是第 l + 1 层的）以及因子 σ′(zˡ)"
    }

    /// r when the tested biases equal r times the reference ones in every layer
    /// (least squares, then a check that every entry fits to 10⁻⁴ relative error or
    /// `atol`), otherwise `nil`.
    static func commonRatio(_ blocks: [BlockResult], atol: Double) -> Double? {
        let pairs = blocks.flatMap { zip($0.tested, $0.reference) }
        let nn = pairs.reduce(0) { $0 + $1.1 * $1.1 }
        guard nn > 0 else { return nil }
        let r = pairs.reduce(0) { $0 + $1.0 * $1.1 } / nn
        let fits = pairs.allSatisfy { a, n in abs(a - r * n) <= 1e-4 * max(abs(a), abs(n)) + atol }
        return fits && r.isFinite ? r : nil
    }
}
