#!/usr/bin/env python3
"""Makes the small TorchScript models the tests load (committed, so tests need no Python).

Run with Debian's python3-torch:  /usr/bin/python3 scripts/make_torchscript_fixtures.py
Writes to modelprint-engine/src/test/resources/fixtures/:
  tiny-cnn.pt      float32 [N,1,28,28] in [0,1] -> logits [N,10]; a real small CNN (random weights, seed 0)
  tiny-cnn-2.pt    the same architecture with other random weights (seed 1): an independent model
  bn-dropout.pt    batch norm + dropout, to check that modelprint runs modules in eval mode
  nan-logits.pt    answers NaN logits (a broken suspect)
  wrong-output.pt  answers [N,10,2] instead of [N,10] (not a classifier)
  tuple-output.pt  answers a tuple ([N,10], [N,5]) instead of one logits tensor
  not-a-model.pt   random bytes with a .pt name
  tiny-cnn.onnx    tiny-cnn.pt's model exported to ONNX (dynamic batch): must give the same labels
  fixed-batch.onnx the same with a fixed batch of 1 (modelprint sends batches: refused clearly)
  tiny-cnn-nhwc255.onnx  tiny-cnn.pt's model behind another input spec: [N,28,28,1] (channels last),
                   pixels in [0,255] normalized by mean 127.5 / std 50; same labels once converted
  tiny-cnn-nhwc255.pt    the same as TorchScript (a target in another input spec)
  rgb32.pt / rgb32.onnx    a colour model: float32 [N,3,32,32] in [0,1] -> logits [N,10] (random weights, seed 3)
  rgb32-2.pt               the same architecture with other random weights (seed 4): an independent colour model
  rgb224.pt / rgb224.onnx  an ImageNet-sized input: [N,3,224,224] in [0,1] -> logits [N,10], a strided conv with
                           few channels so that it stays small and fast (seed 5)
"""
import os
import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(__file__), "..", "modelprint-engine", "src", "test", "resources", "fixtures")


class TinyCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.pool = nn.AvgPool2d(4)
        self.fc = nn.Linear(4 * 7 * 7, 10)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        x = self.pool(x)
        return self.fc(torch.flatten(x, 1))


class OtherSpec(nn.Module):
    """Takes [N,H,W,C] pixels in [0,255] normalized with MEAN/STD, and answers as the wrapped model does on [0,1] NCHW."""
    MEAN = 127.5
    STD = 50.0

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        pixels = (x * self.STD + self.MEAN) / 255.0
        return self.inner(pixels.permute(0, 3, 1, 2))


def export_other_spec(tiny):
    sample = torch.rand(1, 28, 28, 1)
    torch.jit.trace(OtherSpec(tiny).eval(), torch.rand(2, 28, 28, 1)).save(os.path.join(OUT, "tiny-cnn-nhwc255.pt"))
    torch.onnx.export(OtherSpec(tiny).eval(), sample, os.path.join(OUT, "tiny-cnn-nhwc255.onnx"), input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)


class BnDropout(nn.Module):
    """Batch norm and dropout: answers differ between train and eval mode."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.drop = nn.Dropout(0.5)
        self.fc = nn.Linear(4 * 28 * 28, 10)

    def forward(self, x):
        x = self.drop(torch.relu(self.bn(self.conv(x))))
        return self.fc(torch.flatten(x, 1))


class NanLogits(nn.Module):
    def forward(self, x):
        return torch.flatten(x, 1)[:, :10] * float("nan")


class WrongOutput(nn.Module):
    def forward(self, x):
        return torch.flatten(x, 1)[:, :20].reshape(-1, 10, 2)


class TupleOutput(nn.Module):
    def forward(self, x):
        flat = torch.flatten(x, 1)
        return flat[:, :10], flat[:, :5]


class TinyRgb(nn.Module):
    """[N,3,size,size] -> logits [N,10]: one conv (stride 1 at 32x32, 4 at 224x224) pooled to 4x4."""

    def __init__(self, size):
        super().__init__()
        stride = 1 if size <= 32 else 4
        self.conv = nn.Conv2d(3, 4, 3, stride=stride, padding=1)
        self.pool = nn.AvgPool2d(size // stride // 4)
        self.fc = nn.Linear(4 * 4 * 4, 10)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        x = self.pool(x)
        return self.fc(torch.flatten(x, 1))


def save(module, name, shape=(1, 28, 28)):
    module.eval()
    scripted = torch.jit.trace(module, torch.rand(2, *shape))
    scripted.save(os.path.join(OUT, name))


def export_onnx(module, name, shape):
    torch.onnx.export(module.eval(), torch.rand(1, *shape), os.path.join(OUT, name), input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)


def colour():
    """The colour fixtures (3x32x32 and 3x224x224 targets and suspects)."""
    for seed, size, name in [(3, 32, "rgb32"), (4, 32, "rgb32-2"), (5, 224, "rgb224")]:
        torch.manual_seed(seed)
        model = TinyRgb(size)
        save(model, name + ".pt", (3, size, size))
        if name != "rgb32-2":
            export_onnx(model, name + ".onnx", (3, size, size))


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    tiny = TinyCnn()
    save(tiny, "tiny-cnn.pt")
    sample = torch.rand(1, 1, 28, 28)
    torch.onnx.export(tiny, sample, os.path.join(OUT, "tiny-cnn.onnx"), input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
    torch.onnx.export(tiny, sample, os.path.join(OUT, "fixed-batch.onnx"), input_names=["input"], output_names=["logits"],
                      opset_version=13)
    export_other_spec(tiny)
    torch.manual_seed(1)
    save(TinyCnn(), "tiny-cnn-2.pt")
    torch.manual_seed(2)
    bn = BnDropout()
    bn.bn.running_mean.fill_(0.3)
    bn.bn.running_var.fill_(2.0)
    save(bn, "bn-dropout.pt")
    save(NanLogits(), "nan-logits.pt")
    save(WrongOutput(), "wrong-output.pt")
    save(TupleOutput(), "tuple-output.pt")
    with open(os.path.join(OUT, "not-a-model.pt"), "wb") as f:
        f.write(bytes(range(256)) * 4)
    colour()


if __name__ == "__main__":
    main()
