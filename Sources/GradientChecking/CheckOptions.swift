/// Which entries of the gradient a check compares, and how.
public enum CheckMode: Sendable, Equatable {
    /// Every weight and every bias.
    case full
    /// `count` random unit directions v per layer and kind: compares ∇C·v with the
    /// central difference along v. Cost independent of the number of parameters.
    case directional(count: Int)
    /// `count` random entries per layer and kind (all of them when there are fewer).
    case sample(count: Int)

    /// The name used on the command line and in JSON.
    public var name: String {
        switch self {
        case .full: "full"
        case .directional: "directional"
        case .sample: "sample"
        }
    }
}

/// The step and the tolerances of a gradient check.
///
/// An entry **fails** when its absolute error |a − n| exceeds `atol` **and** its
/// relative error exceeds `rtol` (a is backprop's value, n the oracle's). The relative
/// error is |a − n| / max(|a|, |n|, atol/rtol): entries smaller than atol/rtol (10⁻²
/// by default) are measured against that floor, so rounding noise in a near-zero entry
/// (say 10⁻¹² against an exact 0) is not reported as a 100 % error. With the floor, an
/// entry fails exactly when its relative error exceeds `rtol`, and the check passes
/// exactly when the maximum relative error is at most `rtol`.
///
/// The defaults suit Double and a sigmoid net:
///
/// - ε = 10⁻⁶: the central difference's O(ε²) error (~10⁻¹²) and its rounding error
///   (~10⁻¹⁶·|C|/ε ≈ 10⁻¹⁰) are both small; much smaller ε lets rounding dominate,
///   much larger lets the ε² term dominate.
/// - rtol = 10⁻⁶: a correct net typically agrees to 10⁻⁹ or better, a bug is off by
///   10⁻² or more, so the threshold sits with orders of magnitude to spare on both sides.
/// - atol = 10⁻⁸: an entry whose true value is ~0 (a saturated neuron) can have a large
///   *relative* error from rounding alone; absolute errors below this are not bugs.
public struct CheckOptions: Sendable, Equatable {
    public var epsilon: Double
    public var rtol: Double
    public var atol: Double
    public var mode: CheckMode
    /// Whether to compare against finite differences (the first oracle).
    public var useFiniteDifferences: Bool

    public static let defaultEpsilon = 1e-6
    public static let defaultRtol = 1e-6
    public static let defaultAtol = 1e-8

    /// The denominator's floor in the relative error: atol/rtol (the smallest positive
    /// Double when rtol is 0).
    public var relativeErrorFloor: Double {
        rtol > 0 ? atol / rtol : .leastNormalMagnitude
    }

    public init(
        epsilon: Double = defaultEpsilon, rtol: Double = defaultRtol, atol: Double = defaultAtol,
        mode: CheckMode = .full, useFiniteDifferences: Bool = true
    ) {
        self.epsilon = epsilon
        self.rtol = rtol
        self.atol = atol
        self.mode = mode
        self.useFiniteDifferences = useFiniteDifferences
    }
}

/// The relative error |a − n| / max(|a|, |n|, floor): 0 when both are exactly 0,
/// 1 when one of them is 0 and the other is at least `floor`; ∞ when either is not finite.
public func relativeError(_ a: Double, _ n: Double, floor: Double = .leastNormalMagnitude) -> Double {
    guard a.isFinite, n.isFinite else { return .infinity }
    return abs(a - n) / max(abs(a), abs(n), floor)
}
