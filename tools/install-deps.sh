#!/bin/sh
# install-deps.sh — installs what Tandem needs to build, run and test on Debian 12 (as root).
# Safe to run again: apt-get skips what is installed.
set -eu
PKGS="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev libjansson-dev libsodium-dev \
libcsv-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libglpk-dev libcurl4-openssl-dev sqlite3 curl ca-certificates"
# for the test suite and the benchmarks
PKGS="$PKGS chromium nginx-light fossil wrk poppler-utils"
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# nginx-light starts a server on port 80 on install; the benchmarks run their own
command -v systemctl >/dev/null 2>&1 && systemctl stop nginx >/dev/null 2>&1 || true
