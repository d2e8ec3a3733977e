import BackpropEngine
import JSONOutput

/// The trace as JSON for scripts. At the top: `sizes`, `cost` (the cost's name, as
/// `--cost` spells it), `cost_value` (C for the traced example), `input`, `target`,
/// `seed` or `model`, `gradient_check`, and `layers`: one object per layer
/// l = 2…L with `layer` (the book's l), `network_py_index` (−(L − l + 1)), `w`, `b`,
/// `z`, `a`, `delta`, `nabla_b` and `nabla_w` (rows, the shape of wˡ). With two or more
/// examples, `batch` holds each example's gradient, the mean, the updated weights and
/// biases, and the cost before and after the step; with `--lambda`, also `lambda`, `n`
/// and `decay` (1 − ηλ/n). Every object's keys are sorted; the text is written by the
/// project's one JSON writer (`JSONOutput.Node`), so NaN and ±∞ come out as the strings
/// "NaN", "Infinity" and "-Infinity".
public enum JSONRenderer {
    /// The JSON document.
    public static func value(_ trace: TracedBackprop) -> Node {
        let t = trace.example
        let L = trace.layerCount
        let layers: [Node] = (2...L).map { l in
            object([
                "layer": .integer(l),
                "network_py_index": .integer(-(L - l + 1)),
                "w": matrix(t.w(l)), "b": .numbers(t.b(l).elements),
                "z": .numbers(t.z(l).elements), "a": .numbers(t.a(l).elements),
                "delta": .numbers(t.delta(l).elements),
                "nabla_b": .numbers(t.nablaB(l).elements), "nabla_w": matrix(t.nablaW(l)),
            ])
        }
        var top: Fields = [
            "sizes": .array(trace.network.sizes.map(Node.integer)),
            "cost": .string(trace.network.cost.rawValue),
            "cost_value": .number(t.cost),
            "input": .numbers(t.example.x.elements),
            "target": .numbers(t.example.y.elements),
            "layers": .array(layers),
            "gradient_check": object([
                "method": .string("central differences"),
                "step": .number(trace.check.step),
                "parameters": .integer(trace.check.parameterCount),
                "mode": .string(trace.check.isFull ? "full" : "sample"),
                "max_relative_error": .number(trace.check.maxRelativeError),
                "passed": .bool(trace.check.passed),
            ]),
        ]
        switch trace.source {
        case .seed(let seed): top["seed"] = .unsigned(seed)
        case .model(let path): top["model"] = .string(path)
        }
        if let batch = trace.batch { top["batch"] = batchValue(batch) }
        return object(top)
    }

    /// The JSON text.
    public static func render(_ trace: TracedBackprop) -> String {
        value(trace).text() + "\n"
    }

    private static func batchValue(_ batch: BatchStep) -> Node {
        var value: Fields = [
            "m": .integer(batch.size),
            "eta": .number(batch.eta),
            "examples": .array(batch.examples.map { e in
                object([
                    "input": .numbers(e.example.x.elements), "target": .numbers(e.example.y.elements),
                    "cost_value": .number(e.cost),
                    "nabla_b": .array(e.pass.gradient.nablaB.map { .numbers($0.elements) }),
                    "nabla_w": .array(e.pass.gradient.nablaW.map(matrix)),
                ])
            }),
            "mean_nabla_b": .array(batch.meanGradient.nablaB.map { .numbers($0.elements) }),
            "mean_nabla_w": .array(batch.meanGradient.nablaW.map(matrix)),
            "updated_b": .array(batch.after.biases.map { .numbers($0.elements) }),
            "updated_w": .array(batch.after.weights.map(matrix)),
            "cost_before": .number(batch.costBefore),
            "cost_after": .number(batch.costAfter),
        ]
        if batch.isRegularized {
            value["lambda"] = .number(batch.lambda)
            value["n"] = .integer(batch.n)
            value["decay"] = .number(batch.decay)
        }
        return object(value)
    }

    private static func matrix(_ m: Matrix) -> Node {
        .array(m.rowList.map(Node.numbers))
    }

    /// An object with its keys sorted, the layout the golden traces pin.
    private static func object(_ fields: Fields) -> Node {
        .object(fields.sortedByKey())
    }
}
