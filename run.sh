#!/usr/bin/env bash
# Runs the whole pipeline on the bundled corpus into out/ (installs what is missing, builds in Release).
# Extra arguments go to `pipeline run`, e.g. ./run.sh --full
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
dotnet build Pipeline.sln -c Release -v q -nologo -clp:ErrorsOnly
exec dotnet src/Pipeline.Cli/bin/Release/net10.0/pipeline.dll run corpus --out out "$@"
