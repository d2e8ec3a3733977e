import BackpropEngine

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
