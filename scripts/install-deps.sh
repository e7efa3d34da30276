#!/usr/bin/env bash
# Installs what EvalSheet needs and is missing, on Debian/Ubuntu. Idempotent: prints nothing to do
# when everything is present. Uses sudo when not root.
#   scripts/install-deps.sh build   C libraries to build (libxlsxwriter, libzip, pkg-config)
#   scripts/install-deps.sh test    + the real clients the tests use: LibreOffice (and its Python API, UNO), CJK fonts,
#                                   poppler (PDF → PNG), openpyxl, python-calamine, XlsxWriter
set -euo pipefail
what=${1:-build}

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then sudo_cmd=(sudo); fi

apt_packages=(pkg-config libxlsxwriter-dev libzip-dev)
if [ "$what" = test ] || [ "$what" = bench ]; then
  apt_packages+=(libreoffice-calc-nogui python3-uno fonts-noto-cjk poppler-utils python3 python3-pip strace)
fi
if [ "$what" = bench ]; then apt_packages+=(unzip time); fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3/pip may come from elsewhere (pyenv): do not install Debian's when one is on PATH.
if command -v python3 >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]+"${missing[@]}"}"; do
    case "$p" in python3|python3-pip) python3 -m pip --version >/dev/null 2>&1 || filtered+=("$p") ;; *) filtered+=("$p") ;; esac
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$what" = test ] || [ "$what" = bench ]; then
  if ! python3 -c "import openpyxl, python_calamine, xlsxwriter" 2>/dev/null; then
    echo "Installing Python packages: openpyxl python-calamine xlsxwriter"
    python3 -m pip install -q openpyxl python-calamine xlsxwriter 2>/dev/null \
      || python3 -m pip install -q --break-system-packages openpyxl python-calamine xlsxwriter
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "swift was not found on PATH: install Swift 6 (https://www.swift.org/install/linux/) and try again." >&2
  exit 1
fi
