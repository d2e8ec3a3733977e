"""NumPy reference for `swift run -c release bench`: epochs of network.py's SGD, so the
Swift engines can be compared with what NumPy does on the same machine, in one of two forms:

- vectorised (the default): each mini-batch as one matrix, one column per example (the
  chapter 2 exercise): a handful of NumPy calls per mini-batch;
- `--per-example`: network.py's own form: `update_mini_batch` runs backprop on one
  example (a column vector) at a time and sums ∇b and ∇w: a handful of NumPy calls per
  example, which is what a reader of chapter 1 runs.

    python3 Benchmarks/numpy_reference.py --data DIR --sizes 784,30,10 --epochs 1 [--per-example]

Prints one line per epoch: `epoch E seconds S cpu P correct C` (S wall-clock and P
CPU seconds of training; C = test images right after the epoch, evaluation untimed).
Both forms draw the same weights and the same order of examples from --seed. Uses only
numpy and the standard library.
"""
import argparse
import gzip
import os
import time

import numpy as np


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            return path
    raise SystemExit(f"{directory}: no {name} or {name}.gz")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def vectorised_step(weights, biases, x, y, eta):
    """One SGD step on the mini-batch `x` (one row per example) with targets `y`."""
    a = x.T                                            # X: one column per example
    activations = [a]
    for b, w in zip(biases, weights):                  # Z = W·A + b·1ᵀ, A = σ(Z)
        a = sigmoid(w @ a + b)
        activations.append(a)
    delta = (a - y.T) * a * (1 - a)                    # BP1, quadratic cost
    layers = len(weights)
    for l in range(1, layers + 1):
        nabla_w = delta @ activations[-l - 1].T        # BP4 summed over the batch
        nabla_b = delta.sum(axis=1, keepdims=True)     # BP3 summed over the batch
        if l < layers:                                 # BP2 with the old weights
            a_prev = activations[-l - 1]
            new_delta = (weights[-l].T @ delta) * a_prev * (1 - a_prev)
        weights[-l] -= (eta / len(x)) * nabla_w
        biases[-l] -= (eta / len(x)) * nabla_b
        if l < layers:
            delta = new_delta


def backprop(weights, biases, x, y):
    """∇b and ∇w of the quadratic cost for one example (column vectors x, y)."""
    activations = [x]
    for b, w in zip(biases, weights):                  # z = w·a + b, a = σ(z)
        activations.append(sigmoid(w @ activations[-1] + b))
    a = activations[-1]
    delta = (a - y) * a * (1 - a)                      # BP1
    layers = len(weights)
    nabla_b, nabla_w = [None] * layers, [None] * layers
    for l in range(1, layers + 1):
        nabla_b[-l] = delta                            # BP3
        nabla_w[-l] = delta @ activations[-l - 1].T    # BP4
        if l < layers:                                 # BP2
            a_prev = activations[-l - 1]
            delta = (weights[-l].T @ delta) * a_prev * (1 - a_prev)
    return nabla_b, nabla_w


def per_example_step(weights, biases, x, y, eta):
    """network.py's update_mini_batch: backprop per example, ∇b and ∇w summed."""
    sum_b = [np.zeros(b.shape) for b in biases]
    sum_w = [np.zeros(w.shape) for w in weights]
    for example, target in zip(x, y):
        nabla_b, nabla_w = backprop(weights, biases, example.reshape(-1, 1), target.reshape(-1, 1))
        sum_b = [s + d for s, d in zip(sum_b, nabla_b)]
        sum_w = [s + d for s, d in zip(sum_w, nabla_w)]
    for l in range(len(weights)):
        weights[l] -= (eta / len(x)) * sum_w[l]
        biases[l] -= (eta / len(x)) * sum_b[l]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--sizes", default="784,30,10")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--eta", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=50000)  # train on the first N images
    parser.add_argument("--per-example", action="store_true")  # network.py's loop over examples
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    count = max(1, min(args.limit, 50000))

    images = read_idx(find(args.data, "train-images-idx3-ubyte"))[:count].reshape(count, -1)
    labels = read_idx(find(args.data, "train-labels-idx1-ubyte"))[:count]
    x_train = images / 255.0                             # count × 784, one row per image
    y_train = np.zeros((count, sizes[-1]))
    y_train[np.arange(count), labels] = 1.0
    x_test = (read_idx(find(args.data, "t10k-images-idx3-ubyte")).reshape(10000, -1) / 255.0).T.copy()
    y_test = read_idx(find(args.data, "t10k-labels-idx1-ubyte"))

    rng = np.random.default_rng(args.seed)
    biases = [rng.standard_normal((y, 1)) for y in sizes[1:]]
    weights = [rng.standard_normal((y, x)) for x, y in zip(sizes[:-1], sizes[1:])]
    n, m = x_train.shape[0], args.batch

    step = per_example_step if args.per_example else vectorised_step
    for epoch in range(args.epochs):
        start, cpu_start = time.perf_counter(), time.process_time()
        order = rng.permutation(n)
        for k in range(0, n, m):
            batch = order[k:k + m]
            step(weights, biases, x_train[batch], y_train[batch], args.eta)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        a = x_test
        for b, w in zip(biases, weights):
            a = sigmoid(w @ a + b)
        correct = int((a.argmax(axis=0) == y_test).sum())
        print(f"epoch {epoch} seconds {seconds:.6f} cpu {cpu:.6f} correct {correct}", flush=True)


if __name__ == "__main__":
    main()
