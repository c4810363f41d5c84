#!/usr/bin/env bash
# On-demand training-throughput benchmark (not part of CI): builds benchmarks/training in
# release mode, runs it (OpenBLAS on BENCH_THREADS=2 threads), then runs the same model and
# batch in PyTorch on CPU when `python3 -c "import torch"` works, and prints the ratios
# AlignCheck/PyTorch (> 1: AlignCheck faster). See benchmarks/training/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
scratch="${BENCH_SCRATCH:-$here/.build}"
export BENCH_THREADS="${BENCH_THREADS:-2}"
# Pin the same dependency versions as the root package.
if [ -f ../../Package.resolved ]; then cp ../../Package.resolved Package.resolved; fi

swift build -c release --scratch-path "$scratch" --product train-bench >&2
swift_out="$("$scratch/release/train-bench")"
echo "== AlignCheck Training (release build, Float, $BENCH_THREADS OpenBLAS threads)"
echo "$swift_out"

if ! python3 -c "import torch" 2>/dev/null; then
  echo "== PyTorch not available (python3 -c 'import torch' failed): no comparison"
  exit 0
fi
torch_out="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$here/torch_bench.py")"
echo "== PyTorch CPU ($BENCH_THREADS threads)"
echo "$torch_out"

echo "== ratio AlignCheck/PyTorch"
awk '
  /^#/ { next }
  NR == FNR { ours[$1] = $2; next }
  ($1 in ours) && $1 ~ /tokens_per_s/ && $2 > 0 { printf "%-24s %.2f\n", $1, ours[$1] / $2 }
' <(echo "$swift_out") <(echo "$torch_out")
