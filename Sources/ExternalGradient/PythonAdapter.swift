/// The adapter behind `gradcheck --network-py FILE.py`, compiled into the binary so
/// there is no path to find: a Python 3 script run as `python3 -c SCRIPT FILE.py` that
/// imports the student's module unmodified and answers the line protocol for it.
///
/// - Class style (the book's `network.py`, Python 3 ports): `Network(sizes)` is built
///   once per (sizes, cost) and reused, as a training loop would; `weights` and
///   `biases` are overwritten from each request, then `backprop(x, y)` is called.
///   With network2's `cost=` parameter, the request's cost class (`QuadraticCost`,
///   `CrossEntropyCost`) is passed when the module defines it; otherwise that cost is
///   declined.
/// - Notebook style: no class; module globals `weights`, `biases`, `num_layers`,
///   `sizes` are set before each call of the top-level `backprop(x, y)`.
/// - Mini-batch requests call `update_mini_batch(mini_batch, eta)` (or network2's
///   `(mini_batch, eta, lmbda, n)`) and answer the updated parameters.
///
/// The student's own prints go to stderr, so they cannot corrupt the protocol.
public enum PythonAdapter {
    /// The argv that runs the adapter on `module` with `python`.
    public static func arguments(python: String = "python3", module: String) -> [String] {
        [python, "-c", script, module]
    }

    /// The Simplified Chinese of a reason the adapter gives for declining a probe
    /// (`Decline(...)` in `script` below), or `nil` for any other text — a program's own
    /// reasons are quoted as they came. The `--format json` report keeps the English.
    public static func chineseReason(_ reason: String) -> String? {
        switch reason {
        case "notebook style: only the quadratic cost": return "notebook 风格：只支持二次代价函数"
        case "the module has no update_mini_batch": return "模块没有 update_mini_batch"
        case "update_mini_batch(mini_batch, eta) has no L2 term (network.py style)":
            return "update_mini_batch(mini_batch, eta) 没有 L2 项（network.py 风格）"
        default: break
        }
        guard let match = reason.wholeMatch(of: /Network\(sizes\) has no cost=(\w+): this module (.*)/) else { return nil }
        let cost = match.output.1
        let why = match.output.2 == "is network.py style (quadratic cost only)" ? "是 network.py 风格（只支持二次代价函数）"
            : match.output.2 == "does not define \(cost)" ? "没有定义 \(cost)" : nil
        return why.map { "Network(sizes) 没有 cost=\(cost) 参数：这个模块\($0)" }
    }

    public static let script = #"""
import sys, os, json, re, inspect, traceback, importlib.util
OUT = sys.stdout
sys.stdout = sys.stderr
NONFINITE = re.compile(r'(-?Infinity|NaN)')

def send(obj, numbers=False):
    text = json.dumps(obj)
    if numbers:
        text = NONFINITE.sub(r'"\1"', text)
    OUT.write(text + "\n")
    OUT.flush()

def tail(limit=6):
    lines = traceback.format_exc().strip().splitlines()
    return "\n".join(lines[-limit:])

path = sys.argv[1] if len(sys.argv) > 1 else ""
fatal = None
module = None
np = None
try:
    import numpy as np
except ImportError:
    fatal = "NumPy is not installed for %s (%s): install python3-numpy (Debian/Ubuntu) or run pip install numpy" % (sys.executable, sys.version.split()[0])
if fatal is None:
    try:
        full = os.path.abspath(path)
        sys.path.insert(0, os.path.dirname(full))
        name = os.path.splitext(os.path.basename(full))[0] or "student"
        spec = importlib.util.spec_from_file_location(name, full)
        if spec is None or spec.loader is None:
            raise ImportError("not a Python file: %s" % path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except BaseException:
        fatal = "importing %s failed:\n%s" % (path, tail())
if fatal is None:
    if inspect.isclass(getattr(module, "Network", None)):
        style = "class"
    elif callable(getattr(module, "backprop", None)):
        style = "notebook"
    else:
        fatal = ("%s defines neither class Network (the book's network.py style) nor a top-level "
                 "backprop(x, y) reading module globals weights, biases, num_layers (notebook style)" % path)

nets = {}

class Decline(Exception):
    pass

def network_for(sizes, cost):
    key = (tuple(sizes), cost)
    if key in nets:
        return nets[key]
    cls = module.Network
    try:
        accepts_cost = "cost" in inspect.signature(cls).parameters
    except (TypeError, ValueError):
        accepts_cost = False
    cost_class = getattr(module, cost, None)
    if accepts_cost and cost_class is not None:
        net = cls(list(sizes), cost=cost_class)
    elif cost == "QuadraticCost" and not accepts_cost:
        net = cls(list(sizes))
    else:
        raise Decline("Network(sizes) has no cost=%s: this module %s" % (
            cost, "does not define %s" % cost if accepts_cost else "is network.py style (quadratic cost only)"))
    nets[key] = net
    return net

def column(v):
    return np.array(v, dtype=float).reshape(-1, 1)

def target(request):
    sizes = request["sizes"]
    weights = [np.array(w, dtype=float) for w in request["weights"]]
    biases = [column(b) for b in request["biases"]]
    if style == "class":
        obj = network_for(sizes, request.get("cost", "QuadraticCost"))
        obj.weights, obj.biases = weights, biases
        if hasattr(obj, "num_layers"): obj.num_layers = len(sizes)
        if hasattr(obj, "sizes"): obj.sizes = list(sizes)
        return obj
    if request.get("cost", "QuadraticCost") != "QuadraticCost":
        raise Decline("notebook style: only the quadratic cost")
    module.weights, module.biases = weights, biases
    module.num_layers, module.sizes = len(sizes), list(sizes)
    return module

def arrays(items):
    return [np.asarray(a, dtype=float).tolist() for a in items]

def answer(request):
    obj = target(request)
    if request["kind"] == "backprop":
        nabla_b, nabla_w = obj.backprop(column(request["x"]), column(request["y"]))
        return {"id": request["id"], "nabla_b": arrays(nabla_b), "nabla_w": arrays(nabla_w)}
    if request["kind"] == "update_mini_batch":
        update = getattr(obj, "update_mini_batch", None)
        if update is None:
            raise Decline("the module has no update_mini_batch")
        batch = [(column(x), column(y)) for x, y in zip(request["xs"], request["ys"])]
        try:
            count = len(inspect.signature(update).parameters)
        except (TypeError, ValueError):
            count = 2
        if count >= 4:
            update(batch, request["eta"], request["lambda"], request["n"])
        elif request["lambda"] != 0:
            raise Decline("update_mini_batch(mini_batch, eta) has no L2 term (network.py style)")
        else:
            update(batch, request["eta"])
        return {"id": request["id"], "biases": arrays(obj.biases), "weights": arrays(obj.weights)}
    raise Decline("unknown request kind %r" % request["kind"])

for line in sys.stdin:
    if not line.strip():
        continue
    try:
        request = json.loads(line)
    except ValueError:
        send({"error": "the adapter could not read the request"})
        continue
    if fatal is not None:
        send({"error": fatal})
        continue
    try:
        send(answer(request), numbers=True)
    except Decline as reason:
        send({"id": request.get("id"), "declined": str(reason)})
    except BaseException:
        send({"id": request.get("id"), "error": "%s raised an exception:\n%s" % (request.get("kind"), tail())})
"""#
}
