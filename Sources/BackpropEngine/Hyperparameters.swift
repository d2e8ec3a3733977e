extension TrainingError {
    /// Throws `.invalidHyperparameters` unless epochs ≥ 0, mini-batch size ≥ 1, η > 0
    /// and λ ≥ 0 (η and λ finite): the check every engine's `sgd` starts with.
    public static func check(epochs: Int, miniBatchSize: Int, eta: Double, lambda: Double) throws(TrainingError) {
        guard epochs >= 0, miniBatchSize >= 1, eta.isFinite, eta > 0, lambda.isFinite, lambda >= 0 else {
            throw .invalidHyperparameters("need epochs ≥ 0, mini-batch size ≥ 1, η > 0 and λ ≥ 0; got epochs \(epochs), mini-batch size \(miniBatchSize), η \(eta), λ \(lambda)")
        }
    }
}
