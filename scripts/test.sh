#!/usr/bin/env bash
# The README's test command: set up, then build and run every test suite.
# Property tests use a fixed master seed (override with ALIGNCHECK_SEED=N).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build --parallel --num-workers 2
