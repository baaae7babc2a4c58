#!/usr/bin/env python3
"""IPGuard's boundary points (Cao, Jia, Gong, AsiaCCS 2021, eq. 5) made by plain PyTorch: the careful loop a
researcher writes, to time `modelprint extract --method ipguard` against on the same TorchScript model.

    /usr/bin/python3 scripts/ipguard_pytorch.py --model target.pt [--data /usr/share/datasets/fashion-mnist]
        [--n 100] [--k 3] [--lr 0.01] [--max-iter 1000] [--init data|random] [--label least-likely|random]
        [--mode per-point|batched] [--seed 0] [--threads N]

Per seed x (a training image, as modelprint's --init data, or uniform noise) predicted as i, with a target label j (the least likely, or random),
Adam minimises ReLU(Z_i - Z_j + k) + ReLU(max_{t != i,j} Z_t - Z_i) over x, clipping x to [0,1] after every step,
until the objective is 0 or --max-iter steps. `per-point` optimises one point after another with torch.optim.Adam
(what reference code does); `batched` moves all points together with one Adam state per point and drops each point
from the batch once it converged (what modelprint does). The last line printed is JSON: seconds (the loop only,
model loaded and seeds drawn before the clock starts), converged points, mean iterations and the torch version.
"""
import argparse
import gzip
import json
import time

import numpy as np
import torch


def training_images(data_dir):
    with gzip.open(f"{data_dir}/train-images-idx3-ubyte.gz", "rb") as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
    return torch.from_numpy(raw.reshape(-1, 1, 28, 28).astype(np.float32) / 255.0)


def objective(z, i, j, k):
    """Eq. 5 per row of logits z: ReLU(Z_i - Z_j + k) + ReLU(max over t not i, j of Z_t - Z_i)."""
    rows = torch.arange(z.shape[0])
    z_i, z_j = z[rows, i], z[rows, j]
    others = z.clone()
    others[rows, i] = float("-inf")
    others[rows, j] = float("-inf")
    return torch.relu(z_i - z_j + k) + torch.relu(others.max(dim=1).values - z_i)


def per_point(model, seeds, i, j, args):
    iterations, converged = [], 0
    for p in range(seeds.shape[0]):
        x = seeds[p:p + 1].clone().requires_grad_(True)
        optimizer = torch.optim.Adam([x], lr=args.lr)
        steps = 0
        while True:
            loss = objective(model(x), i[p:p + 1], j[p:p + 1], args.k)
            if loss.item() <= 0:
                converged += 1
                break
            if steps == args.max_iter:
                break
            optimizer.zero_grad()
            loss.sum().backward()
            optimizer.step()
            with torch.no_grad():
                x.clamp_(0, 1)
            steps += 1
        iterations.append(steps)
    return converged, iterations


def batched(model, seeds, i, j, args, beta1=0.9, beta2=0.999, eps=1e-8):
    x = seeds.clone()
    m, v = torch.zeros_like(x), torch.zeros_like(x)
    steps = torch.zeros(x.shape[0], dtype=torch.long)
    active = torch.arange(x.shape[0])
    done = torch.zeros(x.shape[0], dtype=torch.bool)
    for step in range(args.max_iter + 1):
        xa = x[active].clone().requires_grad_(True)
        loss = objective(model(xa), i[active], j[active], args.k)
        reached = loss.detach() <= 0
        done[active[reached]] = True
        if step == args.max_iter or reached.all():
            break
        (grad,) = torch.autograd.grad(loss.sum(), xa)
        keep = ~reached
        a, g = active[keep], grad[keep]
        t = step + 1
        m[a] = beta1 * m[a] + (1 - beta1) * g
        v[a] = beta2 * v[a] + (1 - beta2) * g * g
        update = args.lr * (m[a] / (1 - beta1 ** t)) / ((v[a] / (1 - beta2 ** t)).sqrt() + eps)
        x[a] = (x[a] - update).clamp(0, 1)
        steps[a] += 1
        active = a
    return int(done.sum()), steps.tolist()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True, help="TorchScript model taking float32 [N,1,28,28] in [0,1]")
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--k", type=float, default=3.0)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--max-iter", type=int, default=1000)
    parser.add_argument("--init", choices=["data", "random"], default="data")
    parser.add_argument("--label", choices=["least-likely", "random"], default="least-likely")
    parser.add_argument("--mode", choices=["per-point", "batched"], default="per-point")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = torch.jit.load(args.model).eval()
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    if args.init == "data":
        images = training_images(args.data)
        seeds = images[torch.randperm(images.shape[0])[:args.n]]
    else:
        seeds = torch.rand(args.n, 1, 28, 28)
    with torch.no_grad():
        z = model(seeds)
    i = z.argmax(dim=1)
    j = z.argmin(dim=1) if args.label == "least-likely" else (i + torch.randint(1, z.shape[1], i.shape)) % z.shape[1]
    start = time.perf_counter()
    run = per_point if args.mode == "per-point" else batched
    converged, iterations = run(model, seeds, i, j, args)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": round(seconds, 3), "mode": args.mode, "points": args.n, "converged": converged,
                      "meanIterations": round(float(np.mean(iterations)), 1), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
