import BackpropEngine

/// How fast each layer learns, as chapter 5 measures it: the length ‖∂C/∂bˡ‖ of the
/// gradient of the cost with respect to layer l's biases, for C averaged over a set of
/// examples. In deep sigmoid networks the early layers' gradients are much smaller
/// than the late layers' — the vanishing gradient problem.
public enum LayerGradientTrace {
    /// ‖∂C/∂bˡ‖ for l = 2…L, where C is the mean cost over `examples`: the mean of δˡ
    /// (BP3) over the examples, then its Euclidean length.
    public static func biasGradientNorms(_ network: Network, over examples: [Example]) -> [Double] {
        guard !examples.isEmpty else { return network.biases.map { _ in 0 } }
        var sum = Gradient(zerosLike: network)
        for example in examples {
            sum = sum + network.backprop(x: example.x, y: example.y)
        }
        let mean = (1 / Double(examples.count)) * sum
        return mean.nablaB.map { $0.squaredNorm.squareRoot() }
    }

    /// One measurement: after `epoch` epochs of training (0 = at initialisation).
    public struct Point: Sendable, Equatable {
        public var epoch: Int
        /// ‖∂C/∂bˡ‖ for l = 2…L.
        public var norms: [Double]
        /// Test examples classified correctly at this point.
        public var correct: Int
    }

    /// Trains `network` by mini-batch SGD for `epochs` epochs, measuring the per-layer
    /// gradient norms over `probe` before training and after each epoch.
    ///
    /// - Throws: `TrainingError` if training diverges.
    public static func trace(
        network: Network, training: [Example], probe: [Example], test: [LabeledExample],
        epochs: Int, miniBatchSize: Int, eta: Double, generator: inout SeededGenerator
    ) throws(TrainingError) -> [Point] {
        var net = network
        var points = [Point(epoch: 0, norms: biasGradientNorms(net, over: probe), correct: net.evaluate(test))]
        for epoch in 1...max(1, epochs) where epochs > 0 {
            try net.sgd(trainingData: training, epochs: 1, miniBatchSize: miniBatchSize, eta: eta, generator: &generator)
            points.append(Point(epoch: epoch, norms: biasGradientNorms(net, over: probe), correct: net.evaluate(test)))
        }
        return points
    }
}
