"""The PyTorch version of test_dpo_oracle_numpy.py: a PyTorch DPO loss and its autograd
gradient against AlignCheck's golden vectors, with the same tolerances (imported from the
NumPy file, which derives them from each vector's `valueErrorBound`).

    .build/debug/verify vectors --out vectors
    ALIGNCHECK_VECTORS=vectors python3 -m pytest -q docs/examples/test_dpo_oracle_torch.py

Skipped when torch is not installed.
"""

import pytest

torch = pytest.importorskip("torch")
import torch.nn.functional as F  # noqa: E402

from test_dpo_oracle_numpy import (  # noqa: E402
    FIELDS, dpo_vectors, gradient_tolerance, value_tolerance)


def dpo_loss(lc, lr, rc, rl, beta):
    """The implementation under test: replace with a call into your trainer's loss."""
    return -F.logsigmoid(beta * ((lc - rc) - (lr - rl)))


@pytest.mark.parametrize("v", dpo_vectors(), ids=lambda v: v["name"])
def test_torch_dpo_matches_golden_vector(v):
    r = v["record"]
    x = {f: torch.tensor(r[f], dtype=torch.float64, requires_grad=True) for f in FIELDS}
    loss = dpo_loss(x["logProbChosen"], x["logProbRejected"],
                    x["refLogProbChosen"], x["refLogProbRejected"], r["beta"])
    loss.backward()
    assert torch.isfinite(loss)
    assert abs(loss.item() - v["value"]) <= value_tolerance(v), (loss.item(), v["value"])
    for f in FIELDS:
        g = x[f].grad.item()
        assert abs(g - v["gradient"][f]) <= gradient_tolerance(v, f), (f, g, v["gradient"][f])


def test_torch_dpo_batched():
    # All vectors in one batch: the records are independent, so d(sum of losses)/dx_i is
    # record i's own gradient.
    vs = dpo_vectors()
    if not vs:
        pytest.skip("no vectors")
    x = {f: torch.tensor([v["record"][f] for v in vs], dtype=torch.float64, requires_grad=True)
         for f in FIELDS}
    beta = torch.tensor([v["record"]["beta"] for v in vs], dtype=torch.float64)
    losses = dpo_loss(x["logProbChosen"], x["logProbRejected"],
                      x["refLogProbChosen"], x["refLogProbRejected"], beta)
    losses.sum().backward()
    for i, v in enumerate(vs):
        assert abs(losses[i].item() - v["value"]) <= value_tolerance(v), v["name"]
        for f in FIELDS:
            assert abs(x[f].grad[i].item() - v["gradient"][f]) <= gradient_tolerance(v, f)
