@testable import BackpropEngine

/// The [2, 3, 1] network with fixed, round weights that the hand computations use.
///
///     w² = [[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]]   b² = [0.1, -0.1, 0.2]
///     w³ = [[0.7, -0.8, 0.9]]                       b³ = [0.05]
func fixedNetwork(cost: Cost = .quadratic) throws -> Network {
    try Network(
        sizes: [2, 3, 1],
        biases: [[0.1, -0.1, 0.2], [0.05]],
        weights: [
            Matrix(rowList: [[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]])!,
            Matrix(rowList: [[0.7, -0.8, 0.9]])!,
        ],
        cost: cost
    )
}
