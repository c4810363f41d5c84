"""The numpy side of benchmarks/run.sh: the same figures as the Swift benchmark, printed as
"key value" lines. Gaussian: Generator(PCG64).standard_normal(out=...) into a 2^20 buffer
(one thread) and two threads each filling half of a 2^24 buffer from spawned generators
(numpy releases the GIL while filling). sgemm: float32 matmul (numpy's bundled BLAS).
Best of 5 timed runs after a warm-up, like the Swift side."""
import concurrent.futures
import time

import numpy as np


def best(body, repeats=5):
    body()
    b = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        body()
        b = min(b, time.perf_counter() - t0)
    return b


rng = np.random.default_rng(1)
buf = np.empty(1 << 20)
rounds = 16


def one_thread():
    for _ in range(rounds):
        rng.standard_normal(out=buf)


print("gaussian_per_s_1thread", rounds * buf.size / best(one_thread))

big = np.empty(1 << 24)
halves = [big[: big.size // 2], big[big.size // 2 :]]
gens = [np.random.default_rng(s) for s in np.random.SeedSequence(2).spawn(2)]
pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)


def two_threads():
    list(pool.map(lambda i: gens[i].standard_normal(out=halves[i]), range(2)))


print("gaussian_per_s_2threads", big.size / best(two_threads))
pool.shutdown()

for n in (512, 1024):
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    products = 8 if n == 512 else 2

    def mm():
        for _ in range(products):
            a @ b

    print(f"sgemm_gflops_{n}", 2 * n**3 * products / best(mm) / 1e9)

try:
    import threadpoolctl

    for info in threadpoolctl.threadpool_info():
        if info.get("user_api") == "blas":
            print(
                f"# numpy BLAS: {info.get('internal_api')} {info.get('version')} "
                f"core {info.get('architecture')} threads {info.get('num_threads')}"
            )
except ImportError:
    print("# numpy BLAS: (threadpoolctl not installed; kernel not reported)")
print(f"# numpy {np.__version__}")
