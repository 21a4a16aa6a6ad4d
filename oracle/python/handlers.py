"""
What the oracle server can be asked, one function per request kind. Each takes the decoded JSON
payload and returns something JSON can carry. The TypeScript side of each is named in its
docstring; the shapes of payloads and results are declared in oracle/bridge.ts.
"""
import contextlib
import io
import math
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

DTYPES = {"float32": torch.float32, "float64": torch.float64}
NAMES = {"torch": torch, "nn": nn, "F": F, "optim": optim, "math": math}


def number(value):
    """A float for JSON: NaN and infinities as strings."""
    if math.isfinite(value):
        return value
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def encode(t):
    """A tensor as {shape, data}, any dtype read as float64 (booleans as 0 and 1)."""
    t = t.detach()
    return {"shape": list(t.shape), "data": [number(v) for v in t.to(torch.float64).reshape(-1).tolist()]}


def decode(spec, dtype):
    """A tensor from {shape, data}."""
    values = [float(v) for v in spec["data"]]
    return torch.tensor(values, dtype=dtype).reshape(spec["shape"])


def exception(e):
    return {"type": type(e).__name__, "message": str(e)}


def inputs_of(specs, dtype):
    return [decode(s, dtype).requires_grad_(bool(s.get("grad"))) for s in specs]


def environment(tensors, params=None, dtype=torch.float64):
    env = dict(NAMES)
    env["dtype"] = dtype
    env["ts"] = tensors
    env["p"] = params if params is not None else {}
    for name, t in zip("abcd", tensors):
        env[name] = t
    return env


def weighted_backward(outputs, weights, dtype):
    """Backward of sum(out * w) over the outputs; False (and nothing done) if an output is not finite."""
    if not all(torch.isfinite(o).all() for o in outputs):
        return False
    loss = sum((o * decode(w, dtype)).sum() for o, w in zip(outputs, weights))
    loss.backward()
    return True


def run_op(case):
    """oracle/engine/ops.ts: one op on given inputs, its output and the input gradients of sum(out * w)."""
    dtype = DTYPES[case["dtype"]]
    ts = inputs_of(case["inputs"], dtype)
    try:
        out = eval(case["torch"], environment(ts, case.get("params"), dtype))  # noqa: S307 - expressions come from our own test table
    except Exception as e:  # noqa: BLE001
        return {"error": exception(e)}
    result = {"output": encode(out)}
    weight = case.get("weight")
    if weight is not None and out.requires_grad:
        if weighted_backward([out], [weight], dtype):
            result["grads"] = [encode(t.grad) if t.grad is not None else None for t in ts]
        else:
            # PyTorch 1.13's max_pool2d backward corrupts memory when a window holds only padding
            # (its index is -1), so a non-finite output gets no backward at all.
            result["gradSkipped"] = "the output is not finite"
    return result


def ops(payload):
    return [run_op(case) for case in payload]


def module(payload):
    """oracle/engine-nn.torch.test.ts: a module with given parameters, its outputs and every gradient."""
    dtype = DTYPES[payload["dtype"]]
    m = eval(payload["build"], dict(NAMES)).to(dtype)  # noqa: S307
    params = dict(m.named_parameters())
    with torch.no_grad():
        for name, spec in payload["state"].items():
            params[name].copy_(decode(spec, dtype))
    m.train(payload["train"])
    ts = inputs_of(payload["inputs"], dtype)
    env = environment(ts)
    env["m"] = m
    out = eval(payload["call"], env)  # noqa: S307
    outputs = list(out) if isinstance(out, tuple) else [out]
    weighted_backward(outputs, payload["weights"], dtype)
    return {
        "parameters": [[name, list(p.shape)] for name, p in m.named_parameters()],
        "outputs": [encode(o) for o in outputs],
        "inputGrads": [encode(t.grad) if t.grad is not None else None for t in ts],
        "parameterGrads": {name: encode(p.grad) for name, p in m.named_parameters() if p.grad is not None},
    }


def modules(payload):
    return [module(p) for p in payload]


def optimizer(payload):
    """oracle/engine-optim.torch.test.ts: an optimizer's trajectory, or the error its constructor raises."""
    dtype = DTYPES[payload["dtype"]]
    params = [decode(s, dtype).requires_grad_(True) for s in payload["params"]]
    env = environment(params)
    env["params"] = params
    env["data"] = [decode(s, dtype) for s in payload["data"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            opt = eval(payload["build"], env)  # noqa: S307
        except Exception as e:  # noqa: BLE001
            return {"error": exception(e)}
    steps = []
    for _ in range(payload["steps"]):
        opt.zero_grad()
        eval(payload["loss"], env).backward()  # noqa: S307
        opt.step()
        steps.append([encode(p) for p in params])
    return {"steps": steps}


def clip(payload):
    """oracle/engine-optim.torch.test.ts: clip_grad_norm_ or clip_grad_value_ on given gradients."""
    params = []
    for spec in payload["grads"]:
        p = torch.zeros(spec["shape"], dtype=torch.float64, requires_grad=True)
        p.grad = None if spec.get("none") else decode(spec, torch.float64)
        params.append(p)
    present = [p.grad for p in params if p.grad is not None]
    before = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in present])).item()
    if payload["mode"] == "norm":
        returned = nn.utils.clip_grad_norm_(params, payload["max"]).item()
    else:
        returned = nn.utils.clip_grad_value_(params, payload["max"])
    return {
        "normBefore": before,
        "returned": returned,
        "grads": [encode(p.grad) if p.grad is not None else None for p in params],
    }


def raises(payload):
    """oracle/messages.torch.test.ts: what each snippet raises ({"type": None} if it raises nothing)."""
    results = []
    for code in payload:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(code, dict(NAMES))  # noqa: S102
            results.append({"type": None, "message": ""})
        except Exception as e:  # noqa: BLE001
            results.append(exception(e))
    return results


def script(payload):
    """Runs a whole script as a reader would paste it: what it prints, warns and raises."""
    out = io.StringIO()
    error = None
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
        warnings.simplefilter("always")
        try:
            exec(compile(payload["code"], "<copied script>", "exec"), {"__name__": "__main__"})  # noqa: S102
        except Exception as e:  # noqa: BLE001
            error = exception(e)
    return {
        "stdout": out.getvalue(),
        "error": error,
        "warnings": [{"type": w.category.__name__, "message": str(w.message)} for w in caught],
    }


def scripts(payload):
    return [script(p) for p in payload]


def count(m, suffix):
    return sum(p.numel() for name, p in m.named_parameters() if name.split(".")[-1] == suffix)


def stack(payload):
    """oracle/layer-stack.torch.test.ts: a stack built and run layer by layer until one fails."""
    x = torch.zeros(payload["input"])
    rows = []
    for code in payload["layers"]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                layer = eval(code, dict(NAMES))  # noqa: S307
            except Exception as e:  # noqa: BLE001
                rows.append({"stage": "build", **exception(e)})
                break
            row = {
                "weights": count(layer, "weight"),
                "biases": count(layer, "bias"),
                "buffers": sum(b.numel() for b in layer.buffers()),
            }
            training_error = None
            if isinstance(layer, nn.BatchNorm2d):
                try:
                    layer.train()(x)
                except Exception as e:  # noqa: BLE001
                    training_error = str(e)
            layer.eval()
            del caught[:]
            try:
                with torch.no_grad():
                    x = layer(x)
            except Exception as e:  # noqa: BLE001
                rows.append({"stage": "forward", **row, **exception(e)})
                break
            warned = [str(w.message) for w in caught]
            rows.append({"stage": "ok", **row, "shape": list(x.shape), "trainingError": training_error, "warnings": warned})
    return rows


def stacks(payload):
    return [stack(p) for p in payload]


def rnn_case(case):
    """oracle/rnn-shapes.torch.test.ts: nn.RNN(**args) built, then called on zeros of the given shapes."""
    args = dict(case["args"])
    args["dropout"] = float(args["dropout"])
    result = {"build": None, "warnings": [], "parameters": [], "forward": None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            rnn = nn.RNN(**args)
        except Exception as e:  # noqa: BLE001
            rnn = None
            result["build"] = exception(e)
    result["warnings"] = [{"type": w.category.__name__, "message": str(w.message)} for w in caught]
    if rnn is None:
        return result
    result["parameters"] = [[name, list(p.shape)] for name, p in rnn.named_parameters()]
    call = [torch.zeros(case["input"])] + ([torch.zeros(case["h0"])] if case.get("h0") is not None else [])
    try:
        with torch.no_grad():
            output, h_n = rnn(*call)
        result["forward"] = {"output": list(output.shape), "hN": list(h_n.shape)}
    except Exception as e:  # noqa: BLE001
        result["forward"] = {"error": exception(e)}
    return result


def rnn(payload):
    return [rnn_case(case) for case in payload]


def version(_payload):
    return torch.__version__


HANDLERS = {
    "ops": ops,
    "modules": modules,
    "optimizer": optimizer,
    "clip": clip,
    "raises": raises,
    "scripts": scripts,
    "stacks": stacks,
    "rnn": rnn,
    "version": version,
}
