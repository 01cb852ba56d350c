#!/usr/bin/env bash
# Rebuild Haven's committed GOV.UK Frontend assets into haven/govuk/static/govuk/.
# Needs Node 20+; run `npm ci` first (or `npm run build` after `npm ci`).
set -euo pipefail
cd "$(dirname "$0")"

OUT=../haven/govuk/static/govuk
GOVUK=node_modules/govuk-frontend/dist/govuk

if [[ ! -d "$GOVUK" ]]; then
  echo "govuk-frontend is not installed: run 'npm ci' in frontend/ first" >&2
  exit 1
fi

rm -rf "$OUT"
mkdir -p "$OUT/assets/images"

# One stylesheet: GOV.UK Frontend with Arial, no GDS Transport @font-face, no crown, plus Haven's classes.
npx sass --no-source-map --style=compressed --load-path=node_modules src/haven.scss "$OUT/haven.min.css"

# GOV.UK Frontend's ES module, without its source-map comment: the map is not shipped and
# Django's manifest storage fails on references to missing files.
sed -e 's|//# sourceMappingURL=[^ ]*$||' "$GOVUK/govuk-frontend.min.js" > "$OUT/govuk-frontend.min.js"
cp src/haven.js "$OUT/haven.js"
# HTMX for progressive enhancement only (every journey also works without JavaScript).
sed -e 's|//# sourceMappingURL=[^ ]*$||' node_modules/htmx.org/dist/htmx.min.js > "$OUT/htmx.min.js"

# Haven's own favicons and web app manifest (the GOV.UK ones carry the crown).
node icons.mjs "$OUT/assets"

if grep -q "GDS Transport" "$OUT/haven.min.css"; then
  echo "haven.min.css mentions GDS Transport: check src/haven.scss" >&2
  exit 1
fi
echo "Built $(cd "$OUT" && pwd)"
