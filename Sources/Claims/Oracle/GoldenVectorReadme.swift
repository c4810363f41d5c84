// The README written next to the golden vectors: how to test a PyTorch or JAX loss.

/// README.md of `verify vectors --out DIR`.
enum GoldenVectorReadme {
  static let text = """
    # AlignCheck golden vectors

    One file per objective (`dpo.json`, `simpo.json`, …; `index.json` lists them). Each
    vector holds:

    - `record`: the input, exactly as `verify loss <objective>` reads it — hyperparameters
      (`beta`, `gamma`, …) and input fields (`logProbChosen`, …) side by side;
    - `value`: the loss, float64, printed in shortest round-trip form;
    - `gradient`: ∂loss/∂variable for each continuous input variable, keyed by name
      (arrays flattened as `logProbs[0]`, nested sets as `positive.logProbs[1]`);
    - `valueErrorBound`: a bound on the error of `value` itself: ε·Σ|xᵢ·∂ℓ/∂xᵢ| (rounding
      each input to float64, first order) + 16ε·|value| (evaluation), ε = 2⁻⁵².

    Cases include extreme inputs (margins of thousands of nats, log-probabilities of
    −1e-300, long sequences): a correct float64 implementation stays finite on all of them;
    a naive `-log(sigmoid(x))` returns inf or NaN there.

    ## Testing a PyTorch implementation

    ```python
    import json, torch
    data = json.load(open("vectors/dpo.json"))
    for v in data["vectors"]:
        r = v["record"]
        lc = torch.tensor(r["logProbChosen"], dtype=torch.float64, requires_grad=True)
        lr = torch.tensor(r["logProbRejected"], dtype=torch.float64, requires_grad=True)
        margin = r["beta"] * ((lc - r["refLogProbChosen"]) - (lr - r["refLogProbRejected"]))
        loss = -torch.nn.functional.logsigmoid(margin)      # your implementation here
        loss.backward()
        tol = v["valueErrorBound"] + 1e-12 * abs(v["value"])  # + your own rounding
        assert abs(loss.item() - v["value"]) <= tol, (v["name"], loss.item(), v["value"])
        g = v["gradient"]["logProbChosen"]
        assert abs(lc.grad.item() - g) <= 1e-12 * max(1, abs(g)), (v["name"], lc.grad, g)
    ```

    ## Testing a JAX implementation

    ```python
    import json, jax, jax.numpy as jnp
    jax.config.update("jax_enable_x64", True)
    def dpo(lc, lr, rc, rl, beta):
        return -jax.nn.log_sigmoid(beta * ((lc - rc) - (lr - rl)))
    for v in json.load(open("vectors/dpo.json"))["vectors"]:
        r = v["record"]
        val, grads = jax.value_and_grad(dpo, argnums=(0, 1, 2, 3))(
            r["logProbChosen"], r["logProbRejected"], r["refLogProbChosen"],
            r["refLogProbRejected"], r["beta"])
        assert abs(val - v["value"]) <= v["valueErrorBound"] + 1e-12 * abs(v["value"])
    ```

    Tolerances: in float64 compare within `valueErrorBound` plus your implementation's own
    rounding (a few ulps of the value for a stable formula). In float32 (ε = 2⁻²³) expect
    relative differences up to ~1e-6 on typical cases; on the extreme cases a float32
    implementation may legitimately differ more, but must never return inf or NaN.

    For inputs of your own, pipe JSON to the oracle:
    `echo '{"beta":0.1,"logProbChosen":-1,...}' | verify loss dpo --gradient`.
    """
}
