#!/usr/bin/env python3
"""Makes a ResNet-18 (He et al. 2016; torchvision's layout: 7x7 stem, four stages of two basic blocks, 1000 classes)
taking float32 [N,3,224,224] in [0,1] with ImageNet normalization inside, as TorchScript and ONNX, for measuring what
modelprint's schemes cost on an ImageNet-sized model. Its weights are random (seeded), and its batch-norm statistics are
set from a few random batches so that its logits are not degenerate: no trained weights can be downloaded here.

Run with Debian's python3-torch:  /usr/bin/python3 scripts/make_resnet18.py OUT_DIR [SEED]
Writes OUT_DIR/resnet18.pt and OUT_DIR/resnet18.onnx (about 45 MB each: not committed).
"""
import os
import sys
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return torch.relu(y + (x if self.down is None else self.down(x)))


class ResNet18(nn.Module):
    def __init__(self, classes=1000):
        super().__init__()
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1))
        layers, cin = [], 64
        for cout, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            layers += [Block(cin, cout, stride), Block(cout, cout, 1)]
            cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        x = self.layers(self.stem((x - self.mean) / self.std))
        return self.fc(torch.flatten(torch.mean(x, dim=(2, 3)), 1))


def main():
    out = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(seed)
    model = ResNet18()
    model.train()
    with torch.no_grad():
        for _ in range(4):
            model(torch.rand(8, 3, 224, 224))
    model.eval()
    example = torch.rand(2, 3, 224, 224)
    torch.jit.trace(model, example).save(os.path.join(out, "resnet18.pt"))
    torch.onnx.export(model, example, os.path.join(out, "resnet18.onnx"), input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
    print("wrote", out)


if __name__ == "__main__":
    main()
