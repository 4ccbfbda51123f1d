#!/usr/bin/env bash
# Set everything up, then scan the built-in fictional web end to end (README, command 1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/clinicscan demo --out "${1:-demo-output}"
