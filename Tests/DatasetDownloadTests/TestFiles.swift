import Foundation
import TestSupport

/// The real MNIST files beside the project, if present.
let realMNIST: String? = PackagePaths.sharedMNISTIfPresent
