#!/usr/bin/env bash
# Vendors the NL Design System CSS into static/ so that installing Onderdak needs no npm.
# Run by hand when upgrading (versions pinned below), then commit the result.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dest="$here/src/onderdak/core/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  @utrecht/component-library-css@9.0.4 \
  @nl-design-system-unstable/voorbeeld-design-tokens@7.4.1 >/dev/null
rm -rf "$dest" && mkdir -p "$dest/utrecht" "$dest/voorbeeld-design-tokens"
cp node_modules/@utrecht/component-library-css/dist/index.css "$dest/utrecht/index.css"
cp node_modules/@utrecht/component-library-css/LICENSE.md "$dest/utrecht/LICENSE.md"
cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css \
  "$dest/voorbeeld-design-tokens/theme.css"
cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md \
  "$dest/voorbeeld-design-tokens/LICENSE.md"
cat > "$dest/README.md" <<TXT
Vendored by scripts/vendor-static.sh from the npm registry; do not edit by hand.
- @utrecht/component-library-css 9.0.4 (EUPL-1.2)
- @nl-design-system-unstable/voorbeeld-design-tokens 7.4.1 (EUPL-1.2)
TXT
