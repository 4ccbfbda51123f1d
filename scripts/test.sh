#!/usr/bin/env bash
# Set everything up, then run the test suite (README, command 2; .ci/run calls this).
# Needs PostgreSQL at 127.0.0.1:5432 (database test, trust auth) and Redis at 127.0.0.1:6379.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest -n 2 --dist loadfile "$@"
