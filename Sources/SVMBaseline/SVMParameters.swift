import CLibSVM

/// The settings of a C-support-vector classifier with the RBF kernel
/// K(x, z) = exp(−γ‖x − z‖²), trained by LIBSVM's SMO solver.
///
/// The defaults are those of the book's `mnist_svm.py`, which called scikit-learn's
/// `svm.SVC()` when the default was `C=1.0, gamma=1/n_features` (1/784 for MNIST),
/// `tol=1e-3`, `shrinking=True`, `cache_size=200` (MB); scikit-learn's `SVC` is LIBSVM's
/// C-SVC, one-vs-one over the ten digits (10 · 9 / 2 = 45 pairwise machines).
public struct SVMParameters: Codable, Equatable, Sendable {
    /// C, the price of a margin violation: the dual variables are boxed to 0 ≤ αᵢ ≤ C.
    public var c: Double
    /// γ of the RBF kernel.
    public var gamma: Double
    /// The solver stops when the maximal KKT violation is below this (LIBSVM's `-e`).
    public var tolerance: Double
    /// LIBSVM's kernel cache in MB (`-m`). 200 MB as scikit-learn: each of the 45
    /// pairwise problems has at most ~13,000 examples, so a cached kernel row is ~50 kB
    /// of floats, and 200 MB holds ~4,000 rows — enough for the active set once
    /// shrinking has removed the examples that are clearly on the right side.
    public var cacheMegabytes: Double
    /// LIBSVM's shrinking heuristic (`-h 1`).
    public var shrinking: Bool

    /// The book's era of scikit-learn: C = 1, γ = 1/784, tolerance 10⁻³, shrinking, 200 MB.
    public static let book = SVMParameters(c: 1, gamma: 1.0 / 784, tolerance: 1e-3, cacheMegabytes: 200, shrinking: true)

    public init(c: Double, gamma: Double, tolerance: Double, cacheMegabytes: Double, shrinking: Bool) {
        self.c = c
        self.gamma = gamma
        self.tolerance = tolerance
        self.cacheMegabytes = cacheMegabytes
        self.shrinking = shrinking
    }

    /// The same settings as LIBSVM's `svm_parameter`. No probability estimates: C-SVC then
    /// draws no random numbers (LIBSVM only shuffles for the cross-validation that
    /// probability estimates need), so training is deterministic.
    var libsvm: svm_parameter {
        var parameter = svm_parameter()
        parameter.svm_type = Int32(C_SVC)
        parameter.kernel_type = Int32(RBF)
        parameter.degree = 3
        parameter.gamma = gamma
        parameter.coef0 = 0
        parameter.cache_size = cacheMegabytes
        parameter.eps = tolerance
        parameter.C = c
        parameter.nr_weight = 0
        parameter.weight_label = nil
        parameter.weight = nil
        parameter.nu = 0.5
        parameter.p = 0.1
        parameter.shrinking = shrinking ? 1 : 0
        parameter.probability = 0
        return parameter
    }
}
