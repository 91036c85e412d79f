#!/usr/bin/python3
"""Peer runtime for the engine benchmark: Debian's python3-torch (PyTorch 1.13) runs the same networks.

It rebuilds a network from the engine's graph JSON (GraphJson.write) and its safetensors weights
(Models.saveSafetensors), so dense and pruned widths come from the engine, not from a second definition.
The Java side (org.tinytitans.bench.PeerBench) drives it over stdin/stdout, one JSON command per line, and
interleaves its own timings with these in the same run:

  {"cmd": "load", "name": N, "graph": PATH, "weights": PATH}        -> {"ok": true, "params": P}
  {"cmd": "check", "name": N, "input": PATH, "shape": [..], "expected": PATH}
                                                                     -> {"maxAbsDiff": D, "maxAbs": M}
  {"cmd": "time", "name": N, "mode": "eager|traced|frozen", "batch": B, "runs": K}
                                                                     -> {"ms": [..]}
  {"cmd": "info"}                                                    -> versions and threads

Modes: eager = the module as written; traced = torch.jit.trace; frozen = trace + torch.jit.freeze (folds
batch norms into convolutions, the peer's best effort). Timed: only the forward call, under torch.no_grad(),
with the input created before the clock starts.
"""
import json
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    base = 8 + n
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        if t["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} is {t['dtype']}, only F32 is read here")
        a, b = t["data_offsets"]
        arr = np.frombuffer(data, dtype="<f4", count=(b - a) // 4, offset=base + a).reshape(t["shape"])
        out[name] = torch.from_numpy(arr.copy())
    return out


def same_padding(size, k, s):
    """TF 'same' padding before/after along one axis (engine ShapeRules.samePadding)."""
    out = (size + s - 1) // s
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2


class GraphNet(torch.nn.Module):
    """Runs the engine's graph layer by layer with torch.nn.functional, as engine GraphBlock does with DJL."""

    def __init__(self, graph, tensors):
        super().__init__()
        self.layers = graph["layers"]
        self.height, self.width = graph["height"], graph["width"]
        self.params = {}
        for name, t in tensors.items():
            key = name.replace(".", "__")
            self.register_buffer(key, t)
            self.params[name] = key
        self.steps = [self._step(l) for l in self.layers]
        self.out_name = self.layers[-1]["name"]

    def p(self, name):
        return getattr(self, self.params[name])

    def _step(self, l):
        kind, n = l["kind"], l["name"]
        if kind == "INPUT":
            return lambda v, x: x
        if kind == "CONV":
            k, s, pad, g = l["kernel"], l["stride"], l["pad"], l["groups"]
            has_bias = l["bias"]

            def conv(v, x):
                w = self.p(n + ".weight")
                b = self.p(n + ".bias") if has_bias else None
                if pad == -1:  # TF 'same'
                    ph = same_padding(x.shape[2], k, s)
                    pw = same_padding(x.shape[3], k, s)
                    if ph[0] == ph[1] and pw[0] == pw[1]:
                        return F.conv2d(x, w, b, s, (ph[0], pw[0]), 1, g)
                    return F.conv2d(F.pad(x, (pw[0], pw[1], ph[0], ph[1])), w, b, s, 0, 1, g)
                return F.conv2d(x, w, b, s, pad, 1, g)
            return conv
        if kind == "BATCH_NORM":
            eps = l["eps"]
            return lambda v, x: F.batch_norm(x, self.p(n + ".running_mean"), self.p(n + ".running_var"),
                                             self.p(n + ".gamma"), self.p(n + ".beta"), False, 0.0, eps)
        if kind == "RELU":
            return lambda v, x: F.relu(x)
        if kind == "RELU6":
            return lambda v, x: x.clamp(0, 6)
        if kind == "ADD":
            other = l["inputs"][1]
            return lambda v, x: x + v[other]
        if kind == "MAX_POOL":
            return lambda v, x: F.max_pool2d(x, l["kernel"], l["stride"], l["pad"])
        if kind == "AVG_POOL":
            return lambda v, x: F.avg_pool2d(x, l["kernel"], l["stride"], l["pad"], False, True)
        if kind == "GLOBAL_AVG_POOL":
            return lambda v, x: x.mean(dim=(2, 3), keepdim=True)
        if kind == "FLATTEN":
            return lambda v, x: x.reshape(x.shape[0], -1)
        if kind == "DENSE":
            has_bias = l["bias"]
            return lambda v, x: F.linear(x.reshape(x.shape[0], -1), self.p(n + ".weight"),
                                         self.p(n + ".bias") if has_bias else None)
        if kind == "SOFTMAX":
            return lambda v, x: F.softmax(x, 1)
        if kind == "PAD_SHORTCUT":
            s, extra = l["stride"], l["out"] - l["in"]
            return lambda v, x: F.pad(x[:, :, ::s, ::s], (0, 0, 0, 0, extra // 2, extra - extra // 2))
        raise ValueError(f"layer {n}: kind {kind} is not supported by the peer")

    def forward(self, x):
        v = {}
        for l, step in zip(self.layers, self.steps):
            ins = l["inputs"]
            v[l["name"]] = step(v, x if not ins else v[ins[0]])
        return v[self.out_name]


class Peer:
    def __init__(self):
        self.nets = {}
        self.compiled = {}

    def load(self, c):
        with open(c["graph"]) as f:
            graph = json.load(f)
        net = GraphNet(graph, read_safetensors(c["weights"])).eval()
        self.nets[c["name"]] = (net, graph)
        return {"ok": True, "params": sum(t.numel() for t in net.buffers())}

    def model(self, name, mode, batch):
        net, graph = self.nets[name]
        if mode == "eager":
            return net
        key = (name, mode, batch)
        if key not in self.compiled:
            x = torch.randn(batch, graph["layers"][0]["out"], graph["height"], graph["width"])
            with torch.inference_mode(False), torch.no_grad():
                m = torch.jit.trace(net, x, check_trace=False)
                if mode == "frozen":
                    m = torch.jit.freeze(m.eval())
            self.compiled[key] = m
        return self.compiled[key]

    def check(self, c):
        net, _ = self.nets[c["name"]]
        x = torch.from_numpy(np.fromfile(c["input"], dtype="<f4").reshape(c["shape"]))
        expected = np.fromfile(c["expected"], dtype="<f4")
        with torch.no_grad():
            y = net(x).numpy().reshape(-1)
        return {"maxAbsDiff": float(np.max(np.abs(y - expected))), "maxAbs": float(np.max(np.abs(expected)))}

    def time(self, c):
        net, graph = self.nets[c["name"]]
        m = self.model(c["name"], c["mode"], c["batch"])
        g = torch.Generator().manual_seed(7)
        x = torch.randn(c["batch"], graph["layers"][0]["out"], graph["height"], graph["width"], generator=g)
        out = []
        with torch.no_grad():
            for _ in range(c["runs"]):
                t = time.perf_counter()
                m(x)
                out.append((time.perf_counter() - t) * 1e3)
        return {"ms": out}

    def info(self, c):
        return {"torch": torch.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
                "threads": torch.get_num_threads(), "interop": torch.get_num_interop_threads(),
                "mkldnn": torch.backends.mkldnn.is_available(), "blas": torch.__config__.show().count("BLAS_INFO=open") > 0}


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    peer = Peer()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            c = json.loads(line)
            r = getattr(peer, c["cmd"])(c)
        except Exception as e:  # report to the Java side instead of dying: it prints the message
            r = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(r) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
