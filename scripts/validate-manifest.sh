#!/usr/bin/env bash
# Offline validation of manifest.xml: convert the XML add-in manifest to the unified JSON
# manifest, then schema-check the JSON (the schemas ship inside @microsoft/app-manifest).
# The online `office-addin-manifest validate manifest.xml` needs Microsoft's validation
# service, which is unreachable here, so it is not used.
# Usage: scripts/validate-manifest.sh [path/to/manifest.xml]
set -euo pipefail

cd "$(dirname "$0")/.."
manifest="${1:-manifest.xml}"
[[ -f "$manifest" ]] || { echo "manifest not found: $manifest" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/annex-manifest.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

npx --no-install office-addin-manifest-converter convert "$manifest" --output "$tmp/mf"
if [[ ! -s "$tmp/mf/manifest.json" ]]; then
  echo "manifest conversion failed: no $tmp/mf/manifest.json produced" >&2
  exit 1
fi
npx --no-install office-addin-manifest validate "$tmp/mf/manifest.json"
echo "manifest OK: $manifest (converted to JSON and schema-validated offline)"
