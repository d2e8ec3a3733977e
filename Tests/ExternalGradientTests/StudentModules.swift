/// Student modules written by the tests themselves: the book's network.py ported to
/// Python 3 as students write it, the notebook style, and one broken copy per bug.
enum StudentModules {
    /// network.py (chapter 1), Python 3, only what backprop and update_mini_batch need.
    static let network = """
    import numpy as np

    class Network(object):
        def __init__(self, sizes):
            self.num_layers = len(sizes)
            self.sizes = sizes
            self.biases = [np.random.randn(y, 1) for y in sizes[1:]]
            self.weights = [np.random.randn(y, x) for x, y in zip(sizes[:-1], sizes[1:])]

        def update_mini_batch(self, mini_batch, eta):
            nabla_b = [np.zeros(b.shape) for b in self.biases]
            nabla_w = [np.zeros(w.shape) for w in self.weights]
            for x, y in mini_batch:
                delta_nabla_b, delta_nabla_w = self.backprop(x, y)
                nabla_b = [nb+dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
                nabla_w = [nw+dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
            self.weights = [w-(eta/len(mini_batch))*nw for w, nw in zip(self.weights, nabla_w)]
            self.biases = [b-(eta/len(mini_batch))*nb for b, nb in zip(self.biases, nabla_b)]

        def backprop(self, x, y):
            nabla_b = [np.zeros(b.shape) for b in self.biases]
            nabla_w = [np.zeros(w.shape) for w in self.weights]
            activation = x
            activations = [x]
            zs = []
            for b, w in zip(self.biases, self.weights):
                z = np.dot(w, activation)+b
                zs.append(z)
                activation = sigmoid(z)
                activations.append(activation)
            delta = self.cost_derivative(activations[-1], y) * sigmoid_prime(zs[-1])
            nabla_b[-1] = delta
            nabla_w[-1] = np.dot(delta, activations[-2].transpose())
            for l in range(2, self.num_layers):
                z = zs[-l]
                sp = sigmoid_prime(z)
                delta = np.dot(self.weights[-l+1].transpose(), delta) * sp
                nabla_b[-l] = delta
                nabla_w[-l] = np.dot(delta, activations[-l-1].transpose())
            return (nabla_b, nabla_w)

        def cost_derivative(self, output_activations, y):
            return (output_activations-y)

    def sigmoid(z):
        return 1.0/(1.0+np.exp(-z))

    def sigmoid_prime(z):
        return sigmoid(z)*(1-sigmoid(z))

    """

    /// The notebook style: module globals and top-level functions, no class.
    static let notebook = """
    import numpy as np

    sizes = [2, 3, 1]
    num_layers = len(sizes)
    biases = [np.random.randn(y, 1) for y in sizes[1:]]
    weights = [np.random.randn(y, x) for x, y in zip(sizes[:-1], sizes[1:])]

    def sigmoid(z):
        return 1.0/(1.0+np.exp(-z))

    def sigmoid_prime(z):
        return sigmoid(z)*(1-sigmoid(z))

    def backprop(x, y):
        nabla_b = [np.zeros(b.shape) for b in biases]
        nabla_w = [np.zeros(w.shape) for w in weights]
        activation = x
        activations = [x]
        zs = []
        for b, w in zip(biases, weights):
            z = np.dot(w, activation)+b
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        delta = (activations[-1] - y) * sigmoid_prime(zs[-1])
        nabla_b[-1] = delta
        nabla_w[-1] = np.dot(delta, activations[-2].T)
        for l in range(2, num_layers):
            delta = np.dot(weights[-l+1].T, delta) * sigmoid_prime(zs[-l])
            nabla_b[-l] = delta
            nabla_w[-l] = np.dot(delta, activations[-l-1].T)
        return nabla_b, nabla_w

    def update_mini_batch(mini_batch, eta):
        global weights, biases
        nabla_b = [np.zeros(b.shape) for b in biases]
        nabla_w = [np.zeros(w.shape) for w in weights]
        for x, y in mini_batch:
            dnb, dnw = backprop(x, y)
            nabla_b = [nb+d for nb, d in zip(nabla_b, dnb)]
            nabla_w = [nw+d for nw, d in zip(nabla_w, dnw)]
        weights = [w-(eta/len(mini_batch))*nw for w, nw in zip(weights, nabla_w)]
        biases = [b-(eta/len(mini_batch))*nb for b, nb in zip(biases, nabla_b)]

    """

    /// network2.py (chapter 3), Python 3: costs as classes with `delta`, `cost=`, and the L2 step.
    static let network2 = """
    import numpy as np

    class QuadraticCost(object):
        @staticmethod
        def fn(a, y):
            return 0.5*np.linalg.norm(a-y)**2
        @staticmethod
        def delta(z, a, y):
            return (a-y) * sigmoid_prime(z)

    class CrossEntropyCost(object):
        @staticmethod
        def fn(a, y):
            return np.sum(np.nan_to_num(-y*np.log(a)-(1-y)*np.log(1-a)))
        @staticmethod
        def delta(z, a, y):
            return (a-y)

    class Network(object):
        def __init__(self, sizes, cost=CrossEntropyCost):
            self.num_layers = len(sizes)
            self.sizes = sizes
            self.default_weight_initializer()
            self.cost = cost

        def default_weight_initializer(self):
            self.biases = [np.random.randn(y, 1) for y in self.sizes[1:]]
            self.weights = [np.random.randn(y, x)/np.sqrt(x) for x, y in zip(self.sizes[:-1], self.sizes[1:])]

        def update_mini_batch(self, mini_batch, eta, lmbda, n):
            nabla_b = [np.zeros(b.shape) for b in self.biases]
            nabla_w = [np.zeros(w.shape) for w in self.weights]
            for x, y in mini_batch:
                delta_nabla_b, delta_nabla_w = self.backprop(x, y)
                nabla_b = [nb+dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
                nabla_w = [nw+dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
            self.weights = [(1-eta*(lmbda/n))*w-(eta/len(mini_batch))*nw for w, nw in zip(self.weights, nabla_w)]
            self.biases = [b-(eta/len(mini_batch))*nb for b, nb in zip(self.biases, nabla_b)]

        def backprop(self, x, y):
            nabla_b = [np.zeros(b.shape) for b in self.biases]
            nabla_w = [np.zeros(w.shape) for w in self.weights]
            activation = x
            activations = [x]
            zs = []
            for b, w in zip(self.biases, self.weights):
                z = np.dot(w, activation)+b
                zs.append(z)
                activation = sigmoid(z)
                activations.append(activation)
            delta = (self.cost).delta(zs[-1], activations[-1], y)
            nabla_b[-1] = delta
            nabla_w[-1] = np.dot(delta, activations[-2].transpose())
            for l in range(2, self.num_layers):
                z = zs[-l]
                sp = sigmoid_prime(z)
                delta = np.dot(self.weights[-l+1].transpose(), delta) * sp
                nabla_b[-l] = delta
                nabla_w[-l] = np.dot(delta, activations[-l-1].transpose())
            return (nabla_b, nabla_w)

    def sigmoid(z):
        return 1.0/(1.0+np.exp(-z))

    def sigmoid_prime(z):
        return sigmoid(z)*(1-sigmoid(z))

    """

    /// A broken copy of `network`: each (old, new) replacement must apply.
    struct Bug {
        var name: String
        var replacements: [(String, String)]
        /// What the report must say.
        var expected: String
    }

    static let bugs: [Bug] = [
        // The bug zoo, as students write it.
        Bug(name: "no-output-sigma-prime", replacements: [(" * sigmoid_prime(zs[-1])", "")], expected: "layer 3, BP1"),
        Bug(name: "no-hidden-sigma-prime", replacements: [("delta) * sp", "delta)")], expected: "layer 2, BP2"),
        Bug(name: "wrong-weight-matrix", replacements: [("self.weights[-l+1].transpose()", "np.resize(self.weights[-l], (self.sizes[-l], self.sizes[-l+1]))")], expected: "layer 2, BP2"),
        Bug(name: "wrong-activation", replacements: [("activations[-l-1].transpose()", "np.resize(activations[-l], activations[-l-1].shape).transpose()"),
                                                     ("activations[-2].transpose()", "np.resize(activations[-1], activations[-2].shape).transpose()")], expected: "BP4"),
        Bug(name: "zero-bias-gradient", replacements: [("nabla_b[-1] = delta", "pass"), ("nabla_b[-l] = delta", "pass")], expected: "BP3"),
        Bug(name: "wrong-sign", replacements: [("return (output_activations-y)", "return (y-output_activations)")], expected: "layer 3, BP1"),
        Bug(name: "double-batch-division", replacements: [("(eta/len(mini_batch))*nw", "(eta/len(mini_batch)**2)*nw"), ("(eta/len(mini_batch))*nb", "(eta/len(mini_batch)**2)*nb")],
            expected: "exactly 1/3 of the true one"),
        Bug(name: "cross-entropy-delta", replacements: [("self.cost_derivative(activations[-1], y) * sigmoid_prime(zs[-1])", "(activations[-1] - y)")], expected: "layer 3, BP1"),
        // Bugs the zoo lacks.
        Bug(name: "sigma-prime-of-activation", replacements: [("sigmoid_prime(zs[-1])", "sigmoid_prime(activations[-1])")], expected: "layer 3, BP1"),
        Bug(name: "sum-not-mean", replacements: [("(eta/len(mini_batch))*nw", "eta*nw"), ("(eta/len(mini_batch))*nb", "eta*nb")], expected: "exactly 3 times the true one"),
        Bug(name: "state-between-calls", replacements: [
            ("        nabla_b = [np.zeros(b.shape) for b in self.biases]\n        nabla_w = [np.zeros(w.shape) for w in self.weights]\n        activation = x",
             "        if not hasattr(self, 'nb'):\n            self.nb = [np.zeros(b.shape) for b in self.biases]\n            self.nw = [np.zeros(w.shape) for w in self.weights]\n        nabla_b, nabla_w = self.nb, self.nw\n        activation = x"),
            ("nabla_b[-1] = delta", "nabla_b[-1] += delta"), ("nabla_w[-1] = np.dot", "nabla_w[-1] += np.dot")],
            expected: "two identical requests got different answers"),
        Bug(name: "transposed-weight-gradient", replacements: [("nabla_w[-1] = np.dot(delta, activations[-2].transpose())", "nabla_w[-1] = np.dot(activations[-2], delta.transpose())")],
            expected: "nabla_w[1] (layer 3) has shape (4, 2), expected (2, 4)"),
    ]

    /// `network` with `bug`'s replacements, or `nil` if one of them does not apply.
    static func source(_ bug: Bug) -> String? {
        var text = network
        for (old, new) in bug.replacements {
            guard text.contains(old) else { return nil }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }
}
