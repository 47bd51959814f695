#!/usr/bin/env bash
# System packages the test suite needs: Chromium for the renderer end-to-end tests.
# Debian/Ubuntu only; elsewhere install any Chromium and set KEYSTASH_CHROMIUM to its path.
set -euo pipefail
if [ -n "${KEYSTASH_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get here; install Chromium yourself and set KEYSTASH_CHROMIUM=/path/to/chromium" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
