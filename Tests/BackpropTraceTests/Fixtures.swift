import BackpropEngine

/// A [2, 3, 1] network with round weights, for unit tests.
func smallNetwork(cost: Cost = .quadratic) throws -> Network {
    try Network(
        sizes: [2, 3, 1],
        biases: [[0.1, -0.1, 0.2], [0.05]],
        weights: [
            Matrix(rowList: [[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]]) ?? Matrix(zeros: 3, 2),
            Matrix(rowList: [[0.7, -0.8, 0.9]]) ?? Matrix(zeros: 1, 3),
        ],
        cost: cost
    )
}
