"""ConvStudio's PyTorch engine: trains a network on the graphics card PyTorch has (CUDA, Apple's MPS) or on
the processor, for a ConvStudio trainer process that owns the run (src/trainer/pytorch/torch-engine.ts).

It speaks JSON lines: commands on stdin, answers on stdout (nothing else is written there). The trainer sends
the network as Python code (ConvStudio's PyTorch export: MODEL_CLASS, assign_keras_weights, loss_function,
augment, make_optimizer, PENALISED), its starting weights in TensorFlow.js's layout, and the images as raw
bytes; then it asks for one epoch at a time (in its own shuffled order), for measurements on index ranges, and
for the trained weights, which come back in the same TensorFlow.js layout. pause, resume and stop may arrive
at any time and take effect between batches.

Needs Python 3.8+ with torch and numpy; nothing else.
"""

import base64
import json
import math
import queue
import sys
import threading
import time
import traceback

import numpy as np
import torch

PROGRESS_SECONDS = 0.1

_out = sys.stdout
sys.stdout = sys.stderr  # whatever the network's code prints must not break the protocol


def send(message):
    _out.write(json.dumps(message) + "\n")
    _out.flush()


class Control:
    """pause / resume / stop, read on a thread of their own so they arrive while a batch runs."""

    def __init__(self):
        self.commands = queue.Queue()
        self.running = threading.Event()
        self.running.set()
        self.stopped = False

    def read(self):
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            command = json.loads(line)
            kind = command.get("type")
            if kind == "pause":
                self.running.clear()
            elif kind == "resume":
                self.running.set()
            elif kind == "stop":
                self.stopped = True
                self.running.set()
            else:
                self.commands.put(command)
        # The owner has gone: stop, and end once the current step is over.
        self.stopped = True
        self.running.set()
        self.commands.put({"type": "quit"})

    def go_on(self):
        """Waits while paused; the seconds paused, or None once stopped."""
        if self.running.is_set():
            return None if self.stopped else 0.0
        paused_at = time.perf_counter()
        self.running.wait()
        return None if self.stopped else time.perf_counter() - paused_at


def pick_device(asked):
    if asked == "cpu":
        return torch.device("cpu"), "cpu", "CPU"
    if torch.cuda.is_available():
        return torch.device("cuda"), "cuda", torch.cuda.get_device_name(0)
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps"), "mps", "Apple GPU (Metal)"
    return torch.device("cpu"), "cpu", "CPU"


def read_weights(path, specs):
    """TensorFlow.js's weights.bin: float32 arrays, one after another, in the manifest's order."""
    data = np.fromfile(path, dtype="<f4")
    arrays, offset = {}, 0
    for spec in specs:
        size = int(np.prod(spec["shape"], dtype=np.int64))
        arrays[spec["name"]] = data[offset : offset + size].reshape(spec["shape"])
        offset += size
    if offset != data.size:
        raise ValueError(f"the weights file holds {data.size} values, the network {offset}")
    return arrays


def weight_places(program, specs):
    """Where each element of each Keras weight lands in the module: the loader is run once, in float64, on
    arrays numbered 0, 1, 2, … instead of values, and the numbers are read back out of the module's
    parameters and buffers. The trained weights go back to Keras's layout by the same numbers, so no layer
    needs a loader of its own written backwards."""
    probe = program["MODEL_CLASS"]().double()
    tensors = [t for t in list(probe.parameters()) + list(probe.buffers()) if t.is_floating_point()]
    with torch.no_grad():
        for t in tensors:
            t.fill_(math.nan)
    numbered, start = {}, 0
    for spec in specs:
        size = int(np.prod(spec["shape"], dtype=np.int64))
        numbered[spec["name"]] = np.arange(start, start + size, dtype=np.float64).reshape(spec["shape"])
        start += size
    program["assign_keras_weights"](probe, numbered)
    names = {id(t): name for name, t in list(probe.named_parameters()) + list(probe.named_buffers())}
    found = np.full(start, -1, dtype=np.int64)
    places = []  # (module tensor name, positions in it, the numbers they hold)
    for t in tensors:
        flat = t.detach().reshape(-1).numpy()
        where = np.flatnonzero(~np.isnan(flat))
        if where.size == 0:
            continue
        numbers = flat[where].astype(np.int64)
        if np.any(found[numbers] >= 0) or np.unique(numbers).size != numbers.size:
            raise ValueError(f"a weight lands twice in {names[id(t)]}")
        found[numbers] = 1
        places.append((names[id(t)], where, numbers))
    if np.any(found < 0):
        missing = next(s["name"] for s in specs if np.any(found[numbered[s["name"]].astype(np.int64).reshape(-1)] < 0))
        raise ValueError(f"the network's module does not hold all of {missing}")
    return places, start


class Engine:
    def __init__(self, setup, control):
        self.control = control
        self.device, kind, name = pick_device(setup.get("device", "auto"))
        if setup.get("threads"):
            torch.set_num_threads(int(setup["threads"]))
        torch.manual_seed(int(setup["seed"]))
        program = {"__name__": "convstudio_network"}
        exec(compile(setup["program"], "<ConvStudio network>", "exec"), program)
        self.specs = setup["weights"]["specs"]
        self.places, self.size = weight_places(program, self.specs)
        self.model = program["MODEL_CLASS"]()
        program["assign_keras_weights"](self.model, read_weights(setup["weights"]["path"], self.specs))
        self.model.to(self.device)
        self.loss_function = program["loss_function"]
        self.augment = program["augment"]
        self.penalised = program["PENALISED"]
        self.optimizer = program["make_optimizer"]([p for p in self.model.parameters() if p.requires_grad])
        self.factor, self.offset = setup["pixels"]["factor"], setup["pixels"]["offset"]
        self.sets = {key: self.images(setup[key]) for key in ("train", "test")}
        self.best = None
        send({"type": "ready", "device": {"kind": kind, "name": name}, "torch": torch.__version__})

    def images(self, spec):
        h, w, c = spec["shape"]
        pixels = np.fromfile(spec["pixels"], dtype=np.uint8)[: spec["count"] * h * w * c]
        labels = np.fromfile(spec["labels"], dtype=np.uint8)[: spec["count"]]
        x = torch.from_numpy(pixels.reshape(spec["count"], h, w, c)).permute(0, 3, 1, 2).contiguous()
        return x.to(self.device), torch.from_numpy(labels.astype(np.int64)).to(self.device)

    def batch(self, name, indices, train):
        x, y = self.sets[name]
        x = x[indices].float().div_(255)
        if train and self.augment is not None:
            x = self.augment(x)
        return x * self.factor + self.offset, y[indices]

    def epoch(self, command):
        order = torch.from_numpy(np.frombuffer(base64.b64decode(command["order"]), dtype="<i4").astype(np.int64))
        order = order.to(self.device)
        for group in self.optimizer.param_groups:
            group["lr"] = command["learningRate"]
        size = int(command["batchSize"])
        self.model.train()
        loss_sum = torch.zeros((), dtype=torch.float64, device=self.device)
        right = torch.zeros((), dtype=torch.int64, device=self.device)
        seen, batches, paused, stopped = 0, 0, 0.0, False
        started = last = time.perf_counter()

        def report(kind):
            """Sends the sums so far; False, having said so instead, once the loss is no longer a number."""
            loss = loss_sum.item()
            if not math.isfinite(loss):
                send({"type": "nan", "batch": batches})
                return False
            send(
                {
                    "type": kind,
                    "batches": batches,
                    "seen": seen,
                    "lossSum": loss,
                    "accuracySum": float(right.item()),
                    "seconds": time.perf_counter() - started - paused,
                    "stopped": stopped,
                }
            )
            return True

        for start in range(0, len(order), size):
            waited = self.control.go_on()
            if waited is None:
                stopped = True
                break
            paused += waited
            x, y = self.batch("train", order[start : start + size], True)
            self.optimizer.zero_grad(set_to_none=True)
            outputs = self.model(x)
            loss = self.loss_function(outputs, y)
            if self.penalised:
                loss = loss + self.model.penalty()
            loss.backward()
            self.optimizer.step()
            loss_sum += loss.detach().double() * len(y)
            right += (outputs.detach().argmax(1) == y).sum()
            seen += len(y)
            batches += 1
            now = time.perf_counter()
            if now - last >= PROGRESS_SECONDS:
                last = now
                if not report("progress"):
                    return
        if self.device.type == "cuda":
            torch.cuda.synchronize()
        report("epochDone")

    def measure(self, command):
        name, size = command["set"], int(command["batchSize"])
        indices = torch.arange(command["start"], command["end"], device=self.device)
        self.model.eval()
        loss_sum, right = 0.0, 0
        guesses = []
        last = time.perf_counter()
        with torch.no_grad():
            for start in range(0, len(indices), size):
                if self.control.go_on() is None:
                    send({"type": "measured", "stopped": True, "loss": 0, "accuracy": 0, "predictions": ""})
                    return
                x, y = self.batch(name, indices[start : start + size], False)
                outputs = self.model(x)
                loss_sum += self.loss_function(outputs, y).item() * len(y)
                guess = outputs.argmax(1)
                right += int((guess == y).sum().item())
                guesses.append(guess.to("cpu", torch.int32))
                now = time.perf_counter()
                if now - last >= PROGRESS_SECONDS:
                    last = now
                    send({"type": "measuring", "done": min(start + size, len(indices))})
        n = max(len(indices), 1)
        predictions = torch.cat(guesses).numpy().astype("<i4") if guesses else np.zeros(0, dtype="<i4")
        send(
            {
                "type": "measured",
                "stopped": False,
                "loss": loss_sum / n,
                "accuracy": right / n,
                "predictions": base64.b64encode(predictions.tobytes()).decode("ascii"),
            }
        )

    def weights(self):
        """The module's weights in TensorFlow.js's layout and order, as one float32 array."""
        out = np.zeros(self.size, dtype="<f4")
        state = {k: v for k, v in list(self.model.named_parameters()) + list(self.model.named_buffers())}
        for name, where, numbers in self.places:
            out[numbers] = state[name].detach().reshape(-1).to("cpu", torch.float32).numpy()[where]
        return out

    def save(self, command):
        self.weights().tofile(command["path"])
        send({"type": "saved"})

    def keep_best(self):
        self.best = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
        send({"type": "kept"})

    def restore_best(self):
        if self.best is not None:
            self.model.load_state_dict(self.best)
        send({"type": "restored"})


def main():
    control = Control()
    threading.Thread(target=control.read, daemon=True).start()
    engine = None
    while True:
        command = control.commands.get()
        kind = command.get("type")
        try:
            if kind == "quit":
                return
            if kind == "setup":
                engine = Engine(command, control)
            elif engine is None:
                raise ValueError(f"'{kind}' before setup")
            elif kind == "epoch":
                engine.epoch(command)
            elif kind == "measure":
                engine.measure(command)
            elif kind == "save":
                engine.save(command)
            elif kind == "keepBest":
                engine.keep_best()
            elif kind == "restoreBest":
                engine.restore_best()
            else:
                raise ValueError(f"unknown command '{kind}'")
        except Exception as error:  # the owner words it for the user; the trace is for a bug report
            send(
                {
                    "type": "failed",
                    "during": kind,
                    "detail": f"{type(error).__name__}: {error}",
                    "outOfMemory": "out of memory" in str(error).lower(),
                    "trace": traceback.format_exc(),
                }
            )


if __name__ == "__main__":
    main()
