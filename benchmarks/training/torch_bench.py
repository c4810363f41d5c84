"""PyTorch CPU reference for benchmarks/training: the same model, batch and step as
Sources/train-bench/main.swift, timed the same way (best of 5 rounds of 10 iterations after a
warm-up round). Model: token + learned position embeddings, L pre-LN blocks (causal
multi-head self-attention with packed qkv, GELU(tanh) MLP of width 4d), final LN, LM head and
a one-unit value head; one iteration = zero grads, forward, backward of sum_b a_b * log pi(y_b)
over the response tokens (positions >= 8). Prints `key value` lines like the Swift side."""
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
BATCH = int(os.environ.get("BENCH_BATCH", "32"))
LENGTH, VOCAB, D, HEADS, LAYERS, CONTEXT = 48, 16, 64, 4, 2, 48
torch.set_num_threads(THREADS)
torch.manual_seed(1)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = nn.LayerNorm(D)
        self.qkv = nn.Linear(D, 3 * D)
        self.proj = nn.Linear(D, D)
        self.ln2 = nn.LayerNorm(D)
        self.fc = nn.Linear(D, 4 * D)
        self.fc_proj = nn.Linear(4 * D, D)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(D, dim=2)
        q, k, v = (z.view(b, t, HEADS, d // HEADS).transpose(1, 2) for z in (q, k, v))
        att = (q @ k.transpose(-2, -1)) / math.sqrt(d // HEADS)
        mask = torch.ones(t, t, dtype=torch.bool).tril()
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(y)
        return x + self.fc_proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, D)
        self.pos = nn.Embedding(CONTEXT, D)
        self.blocks = nn.ModuleList(Block() for _ in range(LAYERS))
        self.lnf = nn.LayerNorm(D)
        self.head = nn.Linear(D, VOCAB)
        self.value = nn.Linear(D, 1)

    def forward(self, ids):
        t = ids.shape[1]
        x = self.tok(ids) + self.pos(torch.arange(t))
        for blk in self.blocks:
            x = blk(x)
        h = self.lnf(x)
        return self.head(h).log_softmax(-1), self.value(h)


model = Model()
ids = torch.randint(3, VOCAB, (BATCH, LENGTH))
mask = (torch.arange(LENGTH) >= 8).float().expand(BATCH, LENGTH)[:, 1:]
upstream = torch.rand(BATCH) - 0.5


def iteration():
    model.zero_grad(set_to_none=False)
    logp, _ = model(ids)
    token_lp = logp[:, :-1].gather(2, ids[:, 1:, None]).squeeze(2)
    seq_lp = (token_lp * mask).sum(1)
    (upstream * seq_lp).sum().backward()


def forward_only():
    with torch.no_grad():
        model(ids)


def best_time(body, inner=10, repeats=5):
    for _ in range(inner):
        body()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(inner):
            body()
        best = min(best, (time.perf_counter() - t0) / inner)
    return best


tokens = BATCH * LENGTH
fb = best_time(iteration)
f = best_time(forward_only)
print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads, "
      f"{sum(p.numel() for p in model.parameters())} parameters")
print(f"train_tokens_per_s {tokens / fb}")
print(f"forward_tokens_per_s {tokens / f}")
print(f"ms_per_train_step {1000 * fb}")
