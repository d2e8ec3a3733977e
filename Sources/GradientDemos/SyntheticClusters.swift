import BackpropEngine

/// A small labelled data set for when MNIST is not at hand: `classes` clusters in the
/// unit cube [0, 1]ⁿ, each around a random prototype, with Gaussian noise. Drawn from a
/// seeded generator, so the same seed gives the same data.
public struct SyntheticClusters: Sendable {
    /// Training examples with one-hot targets (as `network.py`'s `training_data`).
    public var training: [Example]
    /// Test examples with labels (as `test_data`).
    public var test: [LabeledExample]
    /// The number of inputs per example.
    public var inputs: Int
    /// The number of classes.
    public var classes: Int

    /// - Parameters:
    ///   - noise: the standard deviation of the noise added to each prototype coordinate.
    public init(inputs: Int, classes: Int, trainingCount: Int, testCount: Int,
                noise: Double = 0.25, generator: inout SeededGenerator) {
        let inputs = max(1, inputs), classes = max(1, classes)
        let prototypes = (0..<classes).map { _ in (0..<inputs).map { _ in generator.nextUniform() } }
        func draw() -> (Vector, Int) {
            let label = Int(generator.next() % UInt64(classes))
            let x = prototypes[label].map { min(1, max(0, $0 + noise * generator.nextGaussian())) }
            return (Vector(x), label)
        }
        training = (0..<max(0, trainingCount)).map { _ in
            let (x, label) = draw()
            return Example(x: x, y: Vector.oneHot(label, count: classes))
        }
        test = (0..<max(0, testCount)).map { _ in
            let (x, label) = draw()
            return LabeledExample(x: x, label: label)
        }
        self.inputs = inputs
        self.classes = classes
    }
}
