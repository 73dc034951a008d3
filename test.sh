#!/usr/bin/env bash
# Runs the test suite (installs what is missing, builds in Release) and ends with one line:
# "N passed, N failed, N skipped". Extra arguments go to `dotnet test`, e.g. ./test.sh --filter Cleaning
set -uo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh || exit $?
dotnet build Pipeline.sln -c Release -v q -nologo -clp:ErrorsOnly || exit $?
results=TestResults
rm -rf "$results"
dotnet test tests/Pipeline.Tests/Pipeline.Tests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
trx="$results/results.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(get passed); failed=$(get failed); skipped=$(get notExecuted)
  echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
else
  echo "0 passed, 1 failed, 0 skipped"
  [ $status -eq 0 ] && status=1
fi
exit $status
