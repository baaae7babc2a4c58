#!/usr/bin/env python3
"""The owner's side of the README flow, in PyTorch: train a small CNN on Fashion-MNIST and export it
as TorchScript (to fingerprint) and ONNX (a copy to verify, locally or behind `modelprint serve`).

    python3 scripts/pytorch_export_example.py OUT_DIR [--epochs 1]

Reads Debian's dataset-fashion-mnist files; the model takes float32 [N,1,28,28] in [0,1] and
answers logits [N,10], modelprint's default input spec.
"""
import argparse
import gzip
import os

import numpy as np
import torch
import torch.nn as nn

DATA = "/usr/share/datasets/fashion-mnist"


def load(kind):
    with gzip.open(os.path.join(DATA, f"{kind}-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(os.path.join(DATA, f"{kind}-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return torch.tensor(images, dtype=torch.float32) / 255.0, torch.tensor(labels, dtype=torch.long)


class SmallCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))

    def forward(self, x):
        return self.head(self.features(x))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(0)
    x, y = load("train")
    tx, ty = load("t10k")
    model = SmallCnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(args.epochs):
        order = torch.randperm(len(x))
        for start in range(0, len(x), 128):
            batch = order[start:start + 128]
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(x[batch]), y[batch]).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(tx).argmax(1) == ty).float().mean().item()
    print(f"test accuracy {accuracy:.4f}")
    sample = torch.rand(1, 1, 28, 28)
    torch.jit.trace(model, sample).save(os.path.join(args.out, "mine.pt"))
    torch.onnx.export(model, sample, os.path.join(args.out, "mine.onnx"), input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
    print(f"wrote {args.out}/mine.pt and {args.out}/mine.onnx")


if __name__ == "__main__":
    main()
