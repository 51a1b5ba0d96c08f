#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: Chromium for the browser tests,
# PostgreSQL for the server-database tests, Liberation fonts and LibreOffice for documents, Node.js with the
# pinned npm packages of tests/js (ical.js checks the iCalendar feed).
# Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql postgresql-contrib)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need+=(fonts-liberation fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Plans and reports are converted to PDF by LibreOffice; the writer without its GUI is enough.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
# The media-monitoring matching benchmark compares the gazetteer with `rg -F -f aliases.txt`.
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
# sqlite3 CLI: `ttdn-bench search` runs the same FTS5 queries in it next to the app.
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Exactly the versions in the lock file; the npm cache is used first, so a second run needs no network.
js="$(dirname "$0")/../tests/js"
if ! cmp -s "$js/package-lock.json" "$js/node_modules/.installed-lock.json" 2>/dev/null; then
  (cd "$js" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
fi
echo "Test dependencies present: chromium, postgresql, fonts, poppler-utils, libreoffice, node with tests/js packages, ripgrep, sqlite3."
