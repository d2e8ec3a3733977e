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

/// |a − b| ≤ tolerance · max(1, |a|, |b|), entry by entry.
func close(_ u: [Double], _ v: [Double], _ tolerance: Double = 1e-12) -> Bool {
    u.count == v.count && zip(u, v).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($0), abs($1)) }
}
