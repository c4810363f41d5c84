#!/usr/bin/env bash
# On-demand benchmark (not part of CI): builds benchmarks/ in release mode, runs it, then
# runs the same measurements with numpy when `python3 -c "import numpy"` works, and prints
# the ratios AlignCheck/numpy. See benchmarks/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
scratch="${BENCH_SCRATCH:-$here/.build}"
# Pin the same dependency versions as the root package (Package.resolved is not committed).
if [ -f ../Package.resolved ]; then cp ../Package.resolved Package.resolved; fi

swift build -c release --scratch-path "$scratch" --product bench >&2
swift_out="$("$scratch/release/bench")"
echo "== AlignCheck (release build)"
echo "$swift_out"

if ! python3 -c "import numpy" 2>/dev/null; then
  echo "== numpy not available: no comparison"
  exit 0
fi
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine for older OpenBLAS builds;
# they slow a current numpy, so they are unset together for the numpy run alone.
numpy_out="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$here/numpy_bench.py")"
echo "== numpy (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for this run)"
echo "$numpy_out"

echo "== ratio AlignCheck/numpy"
awk '
  /^#/ { next }
  NR == FNR { ours[$1] = $2; next }
  ($1 in ours) && $2 > 0 { printf "%-24s %.2f\n", $1, ours[$1] / $2 }
' <(echo "$swift_out") <(echo "$numpy_out")
