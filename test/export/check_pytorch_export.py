"""Runs exported PyTorch modules as a user would: imports each script, builds its module, counts its
parameters and BatchNormalization buffers, and runs it on the inputs the test wrote, with the exported
Keras-layout weights loaded. Prints one JSON object per case.

usage: check_pytorch_export.py CASES.json
"""
import importlib.util
import json
import sys

import numpy as np
import torch


def run(case):
    spec = importlib.util.spec_from_file_location(case["module"], case["script"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = getattr(module, case["className"])()
    model.eval()
    params = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    buffers = sum(b.numel() for name, b in model.named_buffers() if not name.endswith("num_batches_tracked"))
    result = {"name": case["name"], "params": params, "trainable": trainable, "buffers": buffers}
    x = torch.from_numpy(np.load(case["input"]))
    if x.dim() == 4:
        x = x.permute(0, 3, 1, 2)
    if case.get("weights"):
        module.load_keras_weights(model, case["weights"])
    with torch.no_grad():
        # What Keras's model gives: probabilities, where forward gives logits.
        y = model.probabilities(x) if hasattr(model, "probabilities") else model(x)
    if y.dim() == 4:
        y = y.permute(0, 2, 3, 1)
    result["outputShape"] = list(y.shape[1:])
    if case.get("expected"):
        expected = np.load(case["expected"])
        scale = max(float(np.abs(expected).max()), 1e-6)
        result["maxRelativeError"] = float(np.abs(y.numpy() - expected).max()) / scale
    result["frozenChanged"] = frozen_changed_by_training(model, x)
    return result


def frozen_changed_by_training(model, x):
    """Names of frozen tensors (parameters without requires_grad, and the running statistics of frozen
    BatchNormalization layers) that one training step changed: none, if frozen layers stay frozen."""
    model.train()
    norms = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    frozen_norms = [m for m in norms if m.weight is not None and not m.weight.requires_grad]
    watched = {name: p.detach().clone() for name, p in model.named_parameters() if not p.requires_grad}
    for i, m in enumerate(frozen_norms):
        watched[f"norm{i}.running_mean"] = m.running_mean.clone()
        watched[f"norm{i}.running_var"] = m.running_var.clone()
    trainable = [p for p in model.parameters() if p.requires_grad]
    if trainable:
        optimizer = torch.optim.SGD(trainable, lr=0.1)
        model(x).square().sum().backward()
        optimizer.step()
    after = dict(model.named_parameters())
    for i, m in enumerate(frozen_norms):
        after[f"norm{i}.running_mean"] = m.running_mean
        after[f"norm{i}.running_var"] = m.running_var
    return [name for name, before in watched.items() if not torch.equal(before, after[name])]


cases = json.load(open(sys.argv[1]))
for case in cases:
    print(json.dumps(run(case)), flush=True)
