#!/usr/bin/env bash
# Reruns every benchmark and rewrites bench/RESULTS.md. Sizes default to 10MB,100MB,1GB (the 1 GB corpus needs
# about 1.2 GB of disk under bench/out and a few minutes); pass other sizes as the first argument, e.g. 10MB,100MB,
# and any further `pipeline bench` options after it (--floor-copies N, --passes N, --no-peers, --reconcile-sizes …).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build Pipeline.sln -c Release -v q -nologo -clp:ErrorsOnly
sizes="${1:-10MB,100MB,1GB}"
shift || true
exec dotnet src/Pipeline.Cli/bin/Release/net10.0/pipeline.dll bench --sizes "$sizes" --work bench/out --results bench/RESULTS.md "$@"
