"""The reference nets of `npm run bench` in PyTorch: samples per second of training (forward, backward, Adam
step) with batches of 128, on the given number of CPU threads, or on the graphics card (cuda, mps). Prints
one JSON object, the peak resident memory included.
    python3 torch_reference.py BATCHES THREADS [cpu|cuda|mps]"""
import json
import resource
import sys
import time

import torch
import torch.nn as nn

torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
torch.manual_seed(0)
DEVICE = torch.device(sys.argv[3] if len(sys.argv) > 3 else 'cpu')


def textbook_mnist():
    return nn.Sequential(
        nn.Conv2d(1, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 36, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Flatten(), nn.Linear(36 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10))


def mnist_4_layer():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10))


def textbook_cifar10():
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.Dropout(0.25), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.Dropout(0.25), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.25), nn.Linear(4096, 1024), nn.ReLU(), nn.Dropout(0.25), nn.Linear(1024, 10))


NETS = {'textbook-mnist': (textbook_mnist, (1, 28, 28)), 'mnist-4-layer': (mnist_4_layer, (1, 28, 28)),
        'textbook-cifar10': (textbook_cifar10, (3, 32, 32))}


def speed(make, shape, batches):
    model = make().to(DEVICE)
    optimizer = torch.optim.Adam(model.parameters(), 1e-3)
    loss = nn.CrossEntropyLoss()
    x = torch.rand(128, *shape, device=DEVICE)
    y = torch.randint(0, 10, (128,), device=DEVICE)
    for i in range(batches + 2):
        if i == 2:
            synchronize()
            start = time.perf_counter()
        optimizer.zero_grad()
        loss(model(x), y).backward()
        optimizer.step()
    synchronize()
    return batches * 128 / (time.perf_counter() - start)


def synchronize():
    if DEVICE.type == 'cuda':
        torch.cuda.synchronize()


batches = int(sys.argv[1]) if len(sys.argv) > 1 else 10
speeds = {name: speed(make, shape, batches) for name, (make, shape) in NETS.items()}
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({'torch': torch.__version__, 'device': DEVICE.type, 'threads': torch.get_num_threads(), 'peak_mb': peak_mb,
                  **speeds}))
