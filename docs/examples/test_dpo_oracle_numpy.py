"""Test a NumPy DPO loss and its gradient against AlignCheck's golden vectors and `verify loss`.

Run (from the repository root, after `swift build`):

    .build/debug/verify vectors --out vectors
    ALIGNCHECK_VECTORS=vectors python3 -m pytest -q docs/examples/test_dpo_oracle_numpy.py

Replace `dpo_value_and_grad` with a call into your own implementation (see docs/oracle.md for
the PyTorch version). The tolerances are derived from each vector's `valueErrorBound`; the
`*_is_caught` tests are negative controls: a buggy implementation must fail the comparison.
"""

import json
import os
import pathlib
import shutil
import subprocess

import numpy as np
import pytest

EPS = 2.0**-52  # float64 unit roundoff as the vectors define it
ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = pathlib.Path(os.environ.get("ALIGNCHECK_VECTORS", ROOT / "vectors"))
FIELDS = ["logProbChosen", "logProbRejected", "refLogProbChosen", "refLogProbRejected"]


def load(objective):
    path = VECTORS / f"{objective}.json"
    if not path.exists():
        pytest.skip(f"{path} missing: run `verify vectors --out {VECTORS}`")
    return json.loads(path.read_text())["vectors"]


# ---- the implementation under test (replace with yours) -------------------------------------

def dpo_value_and_grad(r):
    """-log sigmoid(m), m = beta((lc - rc) - (lr - rl)), in a stable form, with its gradient."""
    beta = r["beta"]
    m = beta * ((r["logProbChosen"] - r["refLogProbChosen"])
                - (r["logProbRejected"] - r["refLogProbRejected"]))
    value = np.logaddexp(0.0, -m)             # softplus(-m) = -log sigmoid(m), never inf/NaN
    dl_dm = -np.exp(-np.logaddexp(0.0, m))    # -sigmoid(-m), stable for any m
    grad = {"logProbChosen": beta * dl_dm, "logProbRejected": -beta * dl_dm,
            "refLogProbChosen": -beta * dl_dm, "refLogProbRejected": beta * dl_dm}
    return float(value), {k: float(v) for k, v in grad.items()}


def ipo_value(r, token_averaged=False):
    """IPO (MaPPO eq. 16): (h - 1/(2 beta))^2 with h the log-ratio gap."""
    lc = r["logProbChosen"] - r["refLogProbChosen"]
    lr = r["logProbRejected"] - r["refLogProbRejected"]
    if token_averaged:  # the length-normalised variant (a different objective)
        lc, lr = lc / r["lengthChosen"], lr / r["lengthRejected"]
    return ((lc - lr) - 1.0 / (2.0 * r["beta"])) ** 2


# ---- tolerances from the vector's error bound -----------------------------------------------

def value_tolerance(v):
    # valueErrorBound bounds the oracle's error against the exact loss at these float64
    # inputs: eps * sum|x_i dl/dx_i| (input rounding through the margin) + 16 eps |l|
    # (evaluation). A stable float64 implementation obeys a bound of the same form, so by the
    # triangle inequality the two results differ by at most twice the bound.
    return 2.0 * v["valueErrorBound"]


def gradient_tolerance(v, name):
    # Every DPO gradient component is +-beta sigmoid(-m), and d(sigmoid(-m))/dm =
    # -sigmoid(m) sigmoid(-m), so an absolute error dm in the margin moves a component by at
    # most |g| dm; evaluating sigmoid adds a few eps |g|. The input-rounding part of the
    # vector's bound is eps sum|x_i dl/dx_i| = |dl/dm| dm with |dl/dm| = |g_chosen| / beta,
    # which gives dm; then twice (both sides) |g| (dm + 16 eps).
    g = v["gradient"]
    dl_dm = abs(g["logProbChosen"]) / v["record"]["beta"]
    input_part = max(0.0, v["valueErrorBound"] - 16 * EPS * abs(v["value"]))
    dm = input_part / dl_dm if dl_dm > 0 else 0.0
    return 2.0 * abs(g[name]) * (dm + 16 * EPS)


# ---- the golden vectors ---------------------------------------------------------------------

def dpo_vectors():
    path = VECTORS / "dpo.json"
    return json.loads(path.read_text())["vectors"] if path.exists() else []


@pytest.mark.parametrize("v", dpo_vectors(), ids=lambda v: v["name"])
def test_dpo_matches_golden_vector(v):
    value, grad = dpo_value_and_grad(v["record"])
    assert np.isfinite(value)
    assert abs(value - v["value"]) <= value_tolerance(v), (value, v["value"])
    for name in FIELDS:
        tol = gradient_tolerance(v, name)
        assert abs(grad[name] - v["gradient"][name]) <= tol, (name, grad[name], tol)


def test_there_are_vectors():
    assert len(load("dpo")) >= 5


# ---- the bug classes, each caught by one vector ---------------------------------------------

def by_name(objective, name):
    return next(v for v in load(objective) if v["name"] == name)


def test_silent_loss_type_dispatch_is_caught():
    # A trainer whose loss_type switch falls back to the sigmoid (DPO) loss for an unknown
    # spelling ("IPO" instead of "ipo") returns DPO's value where IPO's was asked for.
    def buggy_loss(record, loss_type):
        return ipo_value(record) if loss_type == "ipo" else dpo_value_and_grad(record)[0]

    v = by_name("ipo", "typical")
    assert abs(buggy_loss(v["record"], "ipo") - v["value"]) <= value_tolerance(v)
    assert abs(buggy_loss(v["record"], "IPO") - v["value"]) > value_tolerance(v)


def test_length_normalisation_mixup_is_caught():
    # IPO with token-averaged log-ratios is a different objective (ipo-token-averaged.json);
    # the two vectors share the record, so a mix-up either way fails.
    v = by_name("ipo", "typical")
    w = by_name("ipo-token-averaged", "typical")
    assert v["record"] == w["record"]
    assert abs(ipo_value(v["record"]) - v["value"]) <= value_tolerance(v)
    assert abs(ipo_value(w["record"], token_averaged=True) - w["value"]) <= value_tolerance(w)
    assert abs(ipo_value(v["record"], token_averaged=True) - v["value"]) > value_tolerance(v)


def test_overflow_at_extreme_margins_is_caught():
    # The naive -log(sigmoid(m)) in float32 (a common loss dtype) overflows exp(-m) at
    # m = -499.95 and returns inf; its autograd gradient there is NaN. The stable form is finite.
    v = by_name("dpo", "large-negative-margin")
    r = v["record"]
    f = {k: np.float32(r[k]) for k in FIELDS + ["beta"]}
    m = f["beta"] * ((f["logProbChosen"] - f["refLogProbChosen"])
                     - (f["logProbRejected"] - f["refLogProbRejected"]))
    with np.errstate(over="ignore", divide="ignore"):
        naive = -np.log(np.float32(1) / (np.float32(1) + np.exp(-m)))
    assert not np.isfinite(naive)
    stable = np.logaddexp(np.float32(0), -m)
    assert np.isfinite(stable)
    # float32 has eps32 = 2^-23: compare relatively at that precision.
    assert abs(float(stable) - v["value"]) <= 8 * 2.0**-23 * v["value"]


def test_naive_float64_overflows_beyond_the_vectors():
    # With beta = 1 the same record has m = -4999.5: exp(4999.5) overflows float64 too.
    # `verify loss dpo --gradient` on this record printed
    # {"record":3,"value":4999.5,"gradient":{"logProbChosen":-1.0,...}} (docs/oracle.md).
    r = dict(by_name("dpo", "large-negative-margin")["record"], beta=1.0)
    value, grad = dpo_value_and_grad(r)
    assert value == 4999.5 and grad["logProbChosen"] == -1.0
    m = -4999.5
    with np.errstate(over="ignore", divide="ignore"):
        assert np.isinf(-np.log(1.0 / (1.0 + np.exp(-m))))


def test_underflow_to_zero_is_caught():
    # log(1 + exp(-m)) at m = 499.95 rounds 1 + 7.5e-218 to 1 and returns 0; the vector's
    # value is 7.489861250329325e-218 with a bound of ~1e-230, so the zero is rejected.
    v = by_name("dpo", "large-positive-margin")
    value, _ = dpo_value_and_grad(v["record"])
    assert abs(value - v["value"]) <= value_tolerance(v)
    r = v["record"]
    m = r["beta"] * ((r["logProbChosen"] - r["refLogProbChosen"])
                     - (r["logProbRejected"] - r["refLogProbRejected"]))
    naive = np.log(1.0 + np.exp(-m))
    assert naive == 0.0
    assert abs(naive - v["value"]) > value_tolerance(v)


# ---- many cases: stream JSON Lines through `verify loss` ------------------------------------

def verify_binary():
    p = os.environ.get("ALIGNCHECK_VERIFY") or shutil.which("verify")
    if p:
        return p
    local = ROOT / ".build" / "debug" / "verify"
    return str(local) if local.exists() else None


def test_random_records_against_verify_loss():
    exe = verify_binary()
    if exe is None:
        pytest.skip("verify not built: `swift build`, or set ALIGNCHECK_VERIFY")
    rng = np.random.default_rng(20251130)
    records = []
    for _ in range(2000):
        lp = -rng.exponential(30.0, size=4)  # log-probabilities <= 0
        records.append({"beta": float(rng.uniform(0.01, 2.0)),
                        **{f: float(x) for f, x in zip(FIELDS, lp)},
                        "lengthChosen": int(rng.integers(1, 200)),
                        "lengthRejected": int(rng.integers(1, 200))})
    stdin = "\n".join(json.dumps(r) for r in records) + "\n"
    out = subprocess.run([exe, "loss", "dpo", "--gradient"], input=stdin,
                         capture_output=True, text=True, check=True)
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [o["record"] for o in results] == list(range(1, len(records) + 1))
    for r, o in zip(records, results):
        value, grad = dpo_value_and_grad(r)
        # The oracle does not print a bound: build it as the vectors do.
        bound = EPS * sum(abs(r[f] * o["gradient"][f]) for f in FIELDS) + 16 * EPS * abs(o["value"])
        assert abs(value - o["value"]) <= 2 * bound, (r, value, o["value"])
        v = {"record": r, "value": o["value"], "gradient": o["gradient"], "valueErrorBound": bound}
        for f in FIELDS:
            assert abs(grad[f] - o["gradient"][f]) <= gradient_tolerance(v, f), (r, f)
