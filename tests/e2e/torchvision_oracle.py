"""torchvision as an oracle for the engine (run by tests/e2e/torchvision-oracle.sh with Debian's python3-torchvision).

For every zoo model torchvision also has, it builds torchvision's network with seeded random weights and perturbed
BatchNorm statistics (so predictions differ from image to image with clear margins), saves the state dict in
torchvision's names as safetensors, and checks what the engine computes against torchvision:

- parameters and MACs, exactly, against a conv/linear forward-hook counter;
- logits on identical input tensors, within 1e-4 relative to the largest logit;
- the 8-bit pixels of its preprocessing against torchvision's Resize(256) + CenterCrop(224) on PIL images of mixed
  sizes, within one grey level;
- top-1 agreement on those images with each side preprocessing its own way, on every image whose torchvision
  top-1 margin is clear;
- a real `titans-cli run` on an `imagenet` folder of those images filed under the synsets torchvision predicts
  (a subset of the 1000 classes, with `classes 1000`): baseline accuracy must be 100%;
- the same after that run's structured prune (prune filters, l1, 10%): torchvision's network rebuilt from the
  pruned model.tt's shapes and weights, then parameters, MACs, logits and top-1 again.

Each of the three defects of issue 19 fails it: the tutorial's depthwise MACs (MobileNetV2's count), a resize that is
not Pillow's antialiased one or torchvision's size arithmetic (pixels, top-1), labels by folder position (accuracy).
"""
import argparse
import json
import os
import struct
import subprocess
import sys
import zipfile

import numpy as np
import torch
import torchvision
from PIL import Image, ImageDraw
from torchvision import transforms as T

SIZE = 224
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
# Widths and heights of the generated images: smaller than the resize (enlarged), odd, portrait, landscape, square.
SIZES = [(224, 224), (300, 224), (224, 300), (500, 375), (333, 500), (257, 256), (640, 427), (180, 240),
         (401, 299), (256, 390)]
MARGIN = 0.02  # a top-1 is "clear" when it beats the runner-up by 2% of the logits' spread
failures = []


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


# ---- safetensors, written and read here (the format is 8 bytes of header length, a JSON header, raw data) -------

def save_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        data = np.ascontiguousarray(t.detach().numpy().astype("<f4")).tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def read_safetensors(data):
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    for name, h in header.items():
        if name == "__metadata__":
            continue
        assert h["dtype"] == "F32", name + " is " + h["dtype"]
        a, b = h["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[8 + n + a:8 + n + b], dtype="<f4").copy()).reshape(h["shape"])
    return out


# ---- torchvision state-dict names -> the engine's tensor names (written independently of TorchvisionNames.java) ---

def bn_var(v):
    return {"weight": "gamma", "bias": "beta"}.get(v, v)


def engine_name_resnet50(key):
    parts = key.split(".")
    if parts[0] == "conv1":
        return "stem.conv." + parts[1]
    if parts[0] == "bn1":
        return "stem.bn." + bn_var(parts[1])
    if parts[0] == "fc":
        return key
    stage, block = int(parts[0][len("layer"):]), int(parts[1])
    prefix = "stage%d.block%d." % (stage, block)
    if parts[2] == "downsample":
        return prefix + ("shortcut." + parts[4] if parts[3] == "0" else "shortcut_bn." + bn_var(parts[4]))
    return prefix + parts[2] + "." + (bn_var(parts[3]) if parts[2].startswith("bn") else parts[3])


MOBILE_STAGES = [1, 2, 3, 4, 3, 3, 1]


def engine_name_mobilenet_v2(key):
    parts = key.split(".")
    if parts[0] == "classifier":
        return "fc." + parts[2]
    feature = int(parts[1])
    if feature == 0 or feature == 18:
        where = "stem" if feature == 0 else "head"
        return where + (".conv." + parts[3] if parts[2] == "0" else ".bn." + bn_var(parts[3]))
    index, stage = feature - 1, 0
    while index >= MOBILE_STAGES[stage]:
        index -= MOBILE_STAGES[stage]
        stage += 1
    prefix = "stage%d.block%d." % (stage + 1, index)
    # features.N.conv: [ConvBNReLU expand,] ConvBNReLU depthwise, Conv project, BN project
    seq = parts[3:]
    roles = (["dw", "project", "project_bn"] if stage == 0 else ["expand", "dw", "project", "project_bn"])
    role = roles[int(seq[0])]
    if role in ("expand", "dw"):
        role = role if seq[1] == "0" else role + "_bn"
        var = seq[2]
    else:
        var = seq[1]
    return prefix + role + "." + (bn_var(var) if role.endswith("bn") else var)


MODELS = {
    "resnet50": (lambda: torchvision.models.resnet50(weights=None), engine_name_resnet50),
    "mobilenetv2": (lambda: torchvision.models.mobilenet_v2(weights=None), engine_name_mobilenet_v2),
}


# ---- counting, building, feeding -----------------------------------------------------------------------------

def hook_counts(model, shape=(3, SIZE, SIZE)):
    macs = [0]

    def conv(m, inp, out):
        macs[0] += out[0].numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    def linear(m, inp, out):
        macs[0] += m.in_features * m.out_features

    handles = [m.register_forward_hook(conv if isinstance(m, torch.nn.Conv2d) else linear)
               for m in model.modules() if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear))]
    with torch.no_grad():
        model(torch.zeros((1,) + tuple(shape)))
    for h in handles:
        h.remove()
    return sum(p.numel() for p in model.parameters()), macs[0]


def perturb(model, seed, images):
    """Random BN affine parameters, BN statistics taken from the images and then perturbed, and a random head whose
    bias centres the images' features. A random net with BN statistics of 0 and 1 maps every image to nearly the
    same features (one class for everything); statistics of real activations keep what differs between images, as
    a trained net's do, so predictions vary with clear margins."""
    g = torch.Generator().manual_seed(seed)
    bns = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    with torch.no_grad():
        for m in bns:
            n = m.num_features
            m.weight.copy_(torch.rand(n, generator=g) + 0.5)
            m.bias.copy_(torch.randn(n, generator=g) * 0.2)
            m.reset_running_stats()
            m.momentum = None  # a cumulative average: one pass sets the images' statistics
        model.train()
        model(images)
        for m in bns:
            n = m.num_features
            m.running_mean.add_(torch.randn(n, generator=g) * 0.05 * m.running_var.sqrt())
            m.running_var.mul_(torch.rand(n, generator=g) * 0.4 + 0.8)
            m.momentum = 0.1
        model.eval()
        head = [m for m in model.modules() if isinstance(m, torch.nn.Linear)][-1]
        features = []
        handle = head.register_forward_hook(lambda m, inp, out: features.append(inp[0]))
        model(images)
        handle.remove()
        f = features[0]
        head.weight.copy_(torch.randn(head.weight.shape, generator=g) / (f.std(0) * f.shape[1] ** 0.5 + 1e-6))
        head.bias.copy_(-head.weight @ f.mean(0))
    return model


def make_images(folder, seed):
    """Smooth colour fields with sharp shapes and fine stripes: what a resize without antialiasing gets wrong."""
    rng = np.random.default_rng(seed)
    paths = []
    for i, (w, h) in enumerate(SIZES):
        base = Image.fromarray(rng.integers(0, 256, (4, 4, 3), dtype=np.uint8)).resize((w, h), Image.BICUBIC)
        draw = ImageDraw.Draw(base)
        for _ in range(6):
            x0, y0 = int(rng.integers(0, w - 20)), int(rng.integers(0, h - 20))
            box = [x0, y0, x0 + int(rng.integers(10, w // 2)), y0 + int(rng.integers(10, h // 2))]
            fill = tuple(int(v) for v in rng.integers(0, 256, 3))
            (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=fill)
        period = int(rng.integers(2, 4))
        for x in range(int(rng.integers(0, w // 2)), w, period):
            draw.line([(x, 0), (x, h // 3)], fill=(255, 255, 255))
        path = os.path.join(folder, "img%02d_%dx%d.png" % (i, w, h))
        base.save(path)
        paths.append(path)
    return paths


def torchvision_pixels(path):
    img = T.CenterCrop(SIZE)(T.Resize(256)(Image.open(path).convert("RGB")))
    return np.asarray(img, dtype=np.uint8).transpose(2, 0, 1).copy()


def normalise(pixels):
    return T.Normalize(MEAN, STD)(torch.from_numpy(pixels).float() / 255.0)


def engine_dump(args, model, weights, out, images=None, inputs=None):
    cmd = [args.java, "-Xmx6g", "-Dai.djl.offline=true", "-cp", args.jar, "org.tinytitans.engine.oracle.OracleDump",
           model, weights, out] + ([images] if images else []) + ([inputs] if inputs else [])
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "counts.json")) as f:
        counts = json.load(f)
    classes = counts["classes"]
    res = {"counts": counts}
    if images:
        res["pixels"] = np.fromfile(os.path.join(out, "pixels.u8"), dtype=np.uint8).reshape(-1, 3, SIZE, SIZE)
        res["logits"] = torch.from_numpy(np.fromfile(os.path.join(out, "logits.f32"), dtype="<f4").reshape(-1, classes))
        res["files"] = open(os.path.join(out, "files.txt")).read().split()
    if inputs:
        res["fed"] = torch.from_numpy(np.fromfile(os.path.join(out, "fed.f32"), dtype="<f4").reshape(-1, classes))
    return res


def clear(logits):
    top2 = logits.topk(2, dim=1).values
    spread = logits.max(dim=1).values - logits.min(dim=1).values
    return (top2[:, 0] - top2[:, 1]) > MARGIN * spread


def compare(label, tv_model, dump, tv_inputs, tv_pixels):
    params, macs = hook_counts(tv_model)
    c = dump["counts"]
    check(c["params"] == params, "%s params: engine %d, torchvision %d" % (label, c["params"], params))
    check(c["macs"] == macs, "%s MACs: engine %d, hook counter %d (tutorial count %d)" % (label, c["macs"], macs, c["macsTutorial"]))
    with torch.no_grad():
        ref = tv_model(tv_inputs)
    rel = ((dump["fed"] - ref).abs().max() / ref.abs().max()).item()
    check(rel <= 1e-4, "%s logits on torchvision's tensors: max difference %.2e of the largest logit (limit 1e-4)" % (label, rel))
    diff = np.abs(dump["pixels"].astype(int) - tv_pixels.astype(int))
    check(diff.max() <= 1, "%s preprocessing: pixels differ by at most %d grey level(s) from PIL + torchvision "
          "(%.2f%% differ at all)" % (label, diff.max(), 100.0 * (diff > 0).mean()))
    ok = clear(ref)
    agree = (dump["logits"].argmax(1) == ref.argmax(1)) & ok
    check(int(agree.sum()) == int(ok.sum()) and int(ok.sum()) >= 3,
          "%s top-1, each side preprocessing its own way: %d/%d clear images agree (%d/%d in all)"
          % (label, int(agree.sum()), int(ok.sum()), int((dump["logits"].argmax(1) == ref.argmax(1)).sum()), len(ok)))
    return ref


def rebuild(name, tensors):
    """torchvision's network with every conv, BN and linear resized to the pruned model's tensors, weights loaded."""
    factory, engine_name = MODELS[name]
    model = factory()
    for mod_name, m in list(model.named_modules()):
        if isinstance(m, torch.nn.Conv2d):
            w = tensors[engine_name(mod_name + ".weight")]
            depthwise = m.groups > 1 and m.groups == m.in_channels == m.out_channels
            groups = w.shape[0] if depthwise else m.groups
            new = torch.nn.Conv2d(w.shape[1] * groups, w.shape[0], m.kernel_size, m.stride, m.padding, m.dilation,
                                  groups=groups, bias=m.bias is not None)
        elif isinstance(m, torch.nn.BatchNorm2d):
            new = torch.nn.BatchNorm2d(tensors[engine_name(mod_name + ".weight")].shape[0], eps=m.eps, momentum=m.momentum)
        elif isinstance(m, torch.nn.Linear):
            w = tensors[engine_name(mod_name + ".weight")]
            new = torch.nn.Linear(w.shape[1], w.shape[0])
        else:
            continue
        parent = model.get_submodule(mod_name.rsplit(".", 1)[0]) if "." in mod_name else model
        setattr(parent, mod_name.rsplit(".", 1)[-1], new)
    state = {k: tensors[engine_name(k)] for k in model.state_dict() if not k.endswith("num_batches_tracked")}
    missing = [k for k in model.load_state_dict(state, strict=False).missing_keys if not k.endswith("num_batches_tracked")]
    assert not missing, missing
    return model.eval()


# ---- zoo models torchvision does not have: the same architecture in torch, counted by the same hooks -------------

class CifarBlock(torch.nn.Module):
    """He et al.'s basic block; `keras` is the tutorial's resnet_v1 (conv bias, 1x1 projection conv with bias),
    otherwise option A (subsample and zero-pad the channels: no weights, no MACs)."""

    def __init__(self, cin, cout, stride, keras):
        super().__init__()
        self.c1 = torch.nn.Conv2d(cin, cout, 3, stride, 1, bias=keras)
        self.b1 = torch.nn.BatchNorm2d(cout)
        self.c2 = torch.nn.Conv2d(cout, cout, 3, 1, 1, bias=keras)
        self.b2 = torch.nn.BatchNorm2d(cout)
        self.shortcut = torch.nn.Conv2d(cin, cout, 1, stride, 0, bias=True) if keras and stride == 2 else None
        self.stride, self.extra = stride, cout - cin

    def forward(self, x):
        y = self.b2(self.c2(torch.relu(self.b1(self.c1(x)))))
        if self.shortcut is not None:
            r = self.shortcut(x)
        elif self.stride == 2:
            r = torch.nn.functional.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, 0, self.extra))
        else:
            r = x
        return torch.relu(y + r)


def cifar_resnet(depth, keras):
    n, layers, cin = (depth - 2) // 6, [torch.nn.Conv2d(3, 16, 3, 1, 1, bias=keras), torch.nn.BatchNorm2d(16), torch.nn.ReLU()], 16
    for stage in range(3):
        for i in range(n):
            cout = 16 << stage
            layers.append(CifarBlock(cin, cout, 2 if stage > 0 and i == 0 else 1, keras))
            cin = cout
    return torch.nn.Sequential(*layers, torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten(), torch.nn.Linear(64, 10))


def vgg16_cifar():
    return torch.nn.Sequential(torchvision.models.vgg16_bn(weights=None).features, torch.nn.Flatten(),
                               torch.nn.Linear(512, 512), torch.nn.ReLU(), torch.nn.Linear(512, 512), torch.nn.ReLU(),
                               torch.nn.Linear(512, 10))


def mnist_cnn():
    nn = torch.nn
    return nn.Sequential(nn.Conv2d(1, 16, 3, 1, 1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, 1, 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(32 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, 10))


def other_counts(args):
    print("== zoo models torchvision lacks, rebuilt in torch: parameters and MACs", flush=True)
    nets = {"vgg16-cifar": (vgg16_cifar, (3, 32, 32)), "mnist-cnn": (mnist_cnn, (1, 28, 28))}
    for depth in (20, 32, 44, 56, 110):
        nets["resnet%d" % depth] = (lambda d=depth: cifar_resnet(d, True), (3, 32, 32))
        nets["resnet%d-he" % depth] = (lambda d=depth: cifar_resnet(d, False), (3, 32, 32))
    out = subprocess.run([args.java, "-Dai.djl.offline=true", "-cp", args.jar, "org.tinytitans.engine.oracle.OracleDump",
                          "--counts"] + list(nets), check=True, capture_output=True, text=True).stdout
    engine = {c["model"]: c for c in map(json.loads, out.split("\n")[:-1])}
    for name, (factory, shape) in nets.items():
        params, macs = hook_counts(factory().eval(), shape)
        c = engine[name]
        check(c["params"] == params and c["macs"] == macs, "%s: params engine %d / torch %d, MACs engine %d / hooks %d"
              % (name, c["params"], params, c["macs"], macs))


def run_model(args, name, seed):
    print("== %s" % name, flush=True)
    work = os.path.join(args.work, name)
    images = os.path.join(work, "images")
    os.makedirs(images, exist_ok=True)
    paths = sorted(make_images(images, seed))
    tv_pixels = np.stack([torchvision_pixels(p) for p in paths])
    tv_inputs = torch.stack([normalise(p) for p in tv_pixels])

    torch.manual_seed(seed)
    factory, _ = MODELS[name]
    model = perturb(factory(), seed, tv_inputs)
    weights = os.path.join(work, name + ".safetensors")
    save_safetensors(weights, {k: v for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")})
    inputs = os.path.join(work, "inputs.f32")
    tv_inputs.numpy().astype("<f4").tofile(inputs)

    dump = engine_dump(args, name, weights, os.path.join(work, "dense"), images, inputs)
    assert [os.path.join(images, f) for f in dump["files"]] == paths, dump["files"]
    ref = compare(name + " dense", model, dump, tv_inputs, tv_pixels)
    predicted = ref.argmax(1)
    check(len(set(predicted.tolist())) >= 3, "%s: torchvision predicts %d different classes over %d images (an oracle "
          "that answers one class for everything would prove nothing)" % (name, len(set(predicted.tolist())), len(paths)))

    # An imagenet folder of the clear images, each filed under the synset torchvision predicts: a subset of the classes.
    synsets = open(args.wnids).read().split()
    data = os.path.join(work, "data", "val")
    for p, cls, ok in zip(paths, predicted.tolist(), clear(ref).tolist()):
        if ok:
            os.makedirs(os.path.join(data, synsets[cls]), exist_ok=True)
            os.link(p, os.path.join(data, synsets[cls], os.path.basename(p)))
    spec = os.path.join(work, "oracle.prune")
    with open(spec, "w") as f:
        f.write('experiment oracle {\n  model %s { weights "%s" }\n  dataset imagenet { path "data"; classes 1000 }\n'
                '  prune filters { criterion l1; ratio 10%% }\n  measure flops, params, accuracy\n}\n'
                % (name, os.path.basename(weights)))
    out = os.path.join(work, "run")
    proc = subprocess.run([args.cli, "run", "--quiet", "--out", out, spec], capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:])
    check(proc.returncode == 0, "%s: titans-cli run exits 0 (got %d)" % (name, proc.returncode))
    if proc.returncode != 0:
        return
    with open(os.path.join(out, "result.json")) as f:
        exp = json.load(f)["experiments"][0]
    folders = len(os.listdir(data))
    acc = exp["baseline"].get("accuracy")
    check(acc == 1.0, "%s: run's baseline accuracy on %d clear images in %d synset folders (classes 1000): %s"
          % (name, int(clear(ref).sum()), folders, acc))
    print("  engine run: flops %d -> %d, params %d -> %d" % (exp["baseline"]["flops"], exp["pruned"]["flops"],
                                                            exp["baseline"]["params"], exp["pruned"]["params"]))

    # result.json's model_file is relative to the experiments folder (docs/results.md shows it from the run's root)
    tt = next(p for p in (os.path.join(out, exp["model_file"]), os.path.join(out, "experiments", exp["model_file"]))
              if os.path.exists(p))
    with zipfile.ZipFile(tt) as z:
        pruned_tensors = read_safetensors(z.read("weights.safetensors"))
    pruned = rebuild(name, pruned_tensors)
    pdump = engine_dump(args, "-", tt, os.path.join(work, "pruned"), images, inputs)
    check(pdump["counts"]["macs"] < dump["counts"]["macs"], "%s: the prune removed MACs (%d -> %d)"
          % (name, dump["counts"]["macs"], pdump["counts"]["macs"]))
    check(pdump["counts"]["macs"] == exp["pruned"]["flops"], "%s: run's pruned flops equal the pruned model's count" % name)
    compare(name + " pruned", pruned, pdump, tv_inputs, tv_pixels)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--java", default="java")
    p.add_argument("--wnids", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--models", default=",".join(MODELS))
    args = p.parse_args()
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    print("torch %s, torchvision %s, Pillow %s" % (torch.__version__, torchvision.__version__, Image.__version__))
    for i, name in enumerate(args.models.split(",")):
        run_model(args, name, 1000 + i)
    other_counts(args)
    if failures:
        print("torchvision-oracle: FAILED (%d check(s)): %s" % (len(failures), "; ".join(failures)))
        sys.exit(1)
    print("torchvision-oracle: all checks passed")


if __name__ == "__main__":
    main()
