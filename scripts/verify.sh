#!/usr/bin/env bash
# The README's main command: set up, build in release mode, run `verify` on its defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product verify
exec .build/release/verify "$@"
