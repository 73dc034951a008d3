#!/usr/bin/env bash
# Installs what the pipeline needs and is missing: the native OpenCC library and its command-line tool
# (Debian packages libopencc1.1 and opencc). Sourced by run.sh and test.sh.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi

have_opencc() {
  ldconfig -p 2>/dev/null | grep -q 'libopencc\.so' && command -v opencc >/dev/null 2>&1 && [ -d /usr/share/opencc ]
}

if ! have_opencc; then
  install_cmd="apt-get update && apt-get install -y libopencc1.1 opencc"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing OpenCC (libopencc1.1, opencc) with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopencc1.1 opencc) >&2
  else
    echo "setup: OpenCC is missing. Install it with: sudo sh -c '$install_cmd'" >&2
    exit 2
  fi
fi
