import BackpropEngine

/// Random mini-batches for checking gradients when no data is at hand.
public enum SyntheticBatch {
    /// `count` examples for a net with `sizes`: every input is 0 with probability
    /// 1 − `density` and otherwise uniform in [0, 1) (MNIST pixels are about 19 %
    /// non-zero: `density: 0.19`); every target is a one-hot vector of a random class
    /// (or a random 0 or 1 for a single output neuron).
    public static func make(sizes: [Int], count: Int, density: Double = 1, generator: inout SeededGenerator) -> [Example] {
        guard let inputs = sizes.first, let outputs = sizes.last else { return [] }
        return (0..<count).map { _ in
            let x = (0..<inputs).map { _ -> Double in
                let keep = generator.nextUniform() < density
                let value = generator.nextUniform()
                return keep ? value : 0
            }
            let y = outputs == 1
                ? Vector([generator.nextUniform() < 0.5 ? 0 : 1])
                : Vector.oneHot(Int(generator.next() % UInt64(outputs)), count: outputs)
            return Example(x: Vector(x), y: y)
        }
    }
}
