import BackpropEngine

/// The fixed, seeded set of probes gradcheck puts to a gradient it did not compute
/// itself. One call is not a check: each probe is there to expose a class of bugs.
///
/// | probe | network           | what it exposes |
/// |-------|-------------------|-----------------|
/// | p1    | [3, 4, 2]         | the basic BP1–BP4 (asked twice: state kept between calls) |
/// | p2–p3 | the same net      | more examples in sequence on one network (accumulated state) |
/// | p4    | [4, 5, 3, 2]      | two hidden layers, so a BP2 error propagates down |
/// | p5    | [40, 4, 3]        | a wide first layer (transposes and index mix-ups) |
/// | p6    | [3, 4, 2], ×4     | saturated units: σ′(z) ≈ 0 for some z, large |z| |
/// | p7    | [4, 5, 3, 2]      | the cross-entropy cost (declined if unsupported) |
/// | p8    | [4, 5, 3, 2], m=3 | `update_mini_batch`: the mean over m (sum vs mean, 1/m²) |
/// | p9    | [4, 5, 3, 2], m=3 | network2's L2 step with λ, n (declined if unsupported) |
/// | p10   | `extra`, if given | the user's own network (e.g. [784, 30, 10]) |
///
/// All shapes are non-square so that a transposed matrix cannot pass by accident.
public enum ProbeSuite {
    /// The learning rate of the mini-batch probes: the step is θ − 0.5·∇C, so the
    /// gradient recovered as (θ − θ′)/η loses at most about 2·10⁻¹⁶·|θ| absolute —
    /// far below the checker's atol = 10⁻⁸.
    public static let eta = 0.5

    /// The probes for `seed`, plus one on `extra` (with `extraExamples`, or one synthetic
    /// example) when given.
    public static func standard(seed: UInt64, extra: Network? = nil, extraExamples: [Example]? = nil) -> [GradientProbe] {
        // The sizes are literals above 0, so the networks cannot fail to be made.
        (try? probes(seed: seed, extra: extra, extraExamples: extraExamples)) ?? []
    }

    private static func probes(seed: UInt64, extra: Network?, extraExamples: [Example]?) throws(NetworkError) -> [GradientProbe] {
        var g = SeededGenerator(seed: seed)
        var probes: [GradientProbe] = []
        func net(_ sizes: [Int], scale: Double = 1) throws(NetworkError) -> Network {
            var network = try Network(sizes: sizes, generator: &g)
            if scale != 1 { network.setParameters(network.parameters.map { scale * $0 }) }
            return network
        }
        func batch(_ sizes: [Int], _ count: Int, scale: Double = 1) -> [Example] {
            SyntheticBatch.make(sizes: sizes, count: count, generator: &g).map {
                Example(x: Vector($0.x.elements.map { scale * $0 }), y: $0.y)
            }
        }
        let small = try net([3, 4, 2])
        let smallBatch = batch([3, 4, 2], 3)
        probes.append(GradientProbe(name: "p1", purpose: "BP1–BP4 on one hidden layer", network: small, examples: [smallBatch[0]], chinesePurpose: "一个隐藏层上的 BP1–BP4"))
        probes.append(GradientProbe(name: "p2", purpose: "a second example, same network", network: small, examples: [smallBatch[1]], chinesePurpose: "同一网络，第二个样本"))
        probes.append(GradientProbe(name: "p3", purpose: "a third example, same network", network: small, examples: [smallBatch[2]], chinesePurpose: "同一网络，第三个样本"))
        let deep = try net([4, 5, 3, 2])
        let deepBatch = batch([4, 5, 3, 2], 4)
        probes.append(GradientProbe(name: "p4", purpose: "two hidden layers (BP2 twice)", network: deep, examples: [deepBatch[0]], chinesePurpose: "两个隐藏层（BP2 用两次）"))
        let wide = try net([40, 4, 3])
        probes.append(GradientProbe(name: "p5", purpose: "a wide first layer", network: wide, examples: batch([40, 4, 3], 1), chinesePurpose: "很宽的第一层"))
        let saturated = try net([3, 4, 2], scale: 4)
        probes.append(GradientProbe(name: "p6", purpose: "saturated units (large |z|)", network: saturated,
                                    examples: batch([3, 4, 2], 1, scale: 3), chinesePurpose: "饱和的神经元（|z| 很大）"))
        var crossEntropy = deep
        crossEntropy.cost = .crossEntropy
        probes.append(GradientProbe(name: "p7", purpose: "the cross-entropy cost", network: crossEntropy, examples: [deepBatch[3]], chinesePurpose: "交叉熵代价函数"))
        probes.append(GradientProbe(name: "p8", purpose: "mean over a mini-batch of m = 3", network: deep,
                                    examples: Array(deepBatch[0..<3]), kind: .miniBatch(eta: eta), chinesePurpose: "m = 3 的小批量上的平均"))
        probes.append(GradientProbe(name: "p9", purpose: "L2 step, λ = 0.1, n = 50", network: deep,
                                    examples: Array(deepBatch[1..<4]), kind: .miniBatch(eta: eta), lambda: 0.1, n: 50, chinesePurpose: "L2 正则化的一步，λ = 0.1，n = 50"))
        if let extra {
            let examples = extraExamples ?? batch(extra.sizes, 1)
            probes.append(GradientProbe(name: "p10", purpose: "your network", network: extra, examples: examples,
                                        kind: examples.count == 1 ? .example : .miniBatch(eta: eta), chinesePurpose: "你的网络"))
        }
        return probes
    }
}
