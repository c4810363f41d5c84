#!/usr/bin/env bash
# Installs the system libraries AlignCheck links against (GSL, OpenBLAS, pkg-config) when
# any is missing. Debian/Ubuntu, as root (or with sudo available).
set -euo pipefail
need=()
for p in libgsl-dev libopenblas-dev pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
