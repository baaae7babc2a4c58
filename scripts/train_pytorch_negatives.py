#!/usr/bin/env python3
"""Trains one negative of the suspect zoo with PyTorch (another pipeline than modelprint's) and exports it as TorchScript.

The zoo build runs it once per model (lab io.modelprint.lab.zoo.PytorchPipeline):

    /usr/bin/python3 scripts/train_pytorch_negatives.py --images F --labels F --shape C,H,W --classes K \\
        --arch cnn|mlp|cnn-bn --seed S --epochs E --out model.pt [--threads N]

--images: the training split as raw little-endian float32 [N,C,H,W], exactly the values modelprint feeds its models;
--labels: int32 [N]. The exported model takes float32 [N,C,H,W] and answers logits [N,K]. The last line printed is
JSON: seconds, images, the final training loss and the torch version. Deterministic for a seed and thread count.
"""
import argparse
import json
import time

import numpy as np
import torch
import torch.nn as nn


class Cnn(nn.Module):
    """Two 3x3 convolutions (32, 64), max pooling, a 128-unit hidden layer with dropout; Adam."""

    def __init__(self, c, h, w, classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(c, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(64 * (h // 4) * (w // 4), 128), nn.ReLU(), nn.Dropout(0.25),
                                  nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x))


class CnnBn(nn.Module):
    """Two 5x5 convolutions (16, 32) with batch norm, max pooling, a linear head; SGD with momentum."""

    def __init__(self, c, h, w, classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(c, 16, 5, padding=2), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 5, padding=2), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(32 * (h // 4) * (w // 4), classes))

    def forward(self, x):
        return self.head(self.features(x))


class Mlp(nn.Module):
    """512 and 256 hidden units, dropout after the first; Adam."""

    def __init__(self, c, h, w, classes):
        super().__init__()
        self.layers = nn.Sequential(nn.Flatten(), nn.Linear(c * h * w, 512), nn.ReLU(), nn.Dropout(0.2), nn.Linear(512, 256),
                                    nn.ReLU(), nn.Linear(256, classes))

    def forward(self, x):
        return self.layers(x)


ARCHITECTURES = {"cnn": Cnn, "cnn-bn": CnnBn, "mlp": Mlp}


def optimizer_for(arch, model):
    if arch == "cnn-bn":
        return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    return torch.optim.Adam(model.parameters(), lr=1e-3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", required=True)
    parser.add_argument("--labels", required=True)
    parser.add_argument("--shape", required=True, help="C,H,W")
    parser.add_argument("--classes", type=int, required=True)
    parser.add_argument("--arch", choices=sorted(ARCHITECTURES), required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    c, h, w = (int(v) for v in args.shape.split(","))
    x = torch.from_numpy(np.fromfile(args.images, dtype="<f4").reshape(-1, c, h, w).copy())
    y = torch.from_numpy(np.fromfile(args.labels, dtype="<i4").astype(np.int64))
    if len(x) != len(y):
        raise SystemExit(f"{args.images}: {len(x)} images but {args.labels}: {len(y)} labels")
    torch.manual_seed(args.seed)
    start = time.time()
    model = ARCHITECTURES[args.arch](c, h, w, args.classes)
    optimizer = optimizer_for(args.arch, model)
    generator = torch.Generator().manual_seed(args.seed)
    loss = float("nan")
    for _ in range(args.epochs):
        model.train()
        order = torch.randperm(len(x), generator=generator)
        for first in range(0, len(x), args.batch):
            batch = order[first:first + args.batch]
            optimizer.zero_grad()
            step = nn.functional.cross_entropy(model(x[batch]), y[batch])
            step.backward()
            optimizer.step()
            loss = step.item()
    model.eval()
    torch.jit.trace(model, torch.rand(2, c, h, w)).save(args.out)
    print(json.dumps({"seconds": time.time() - start, "images": len(x), "loss": loss, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
