#!/usr/bin/env bash
# System packages the test suite needs, all from Debian:
#   chromium       the renderer end-to-end tests
#   keepassxc      keepassxc-cli, the real peer for KDBX import and export
#   apache2        mod_dav, a real WebDAV server for the sync transport tests
#   syncthing      a real folder-sync tool between two sync folders
# Debian/Ubuntu only; elsewhere install them yourself (set KEYSTASH_CHROMIUM for Chromium).
set -euo pipefail
needed=()
if [ -z "${KEYSTASH_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then needed+=(chromium); fi
command -v keepassxc-cli >/dev/null 2>&1 || needed+=(keepassxc)
[ -x /usr/sbin/apache2 ] || needed+=(apache2)
command -v syncthing >/dev/null 2>&1 || needed+=(syncthing)
if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get here; install these yourself: ${needed[*]}" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
