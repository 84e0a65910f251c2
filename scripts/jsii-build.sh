#!/usr/bin/env bash
# jsii build of the construct API (lib/jsii.ts) in a staging directory, then jsii-pacmak code
# generation for Python, Java, .NET and Go. jsii writes its own tsconfig.json, so it does not
# run in the repository root. yaml and zod are bundled (jsii modules may only depend on jsii
# modules otherwise). Output: .gen/jsii/{.jsii, dist/{python,java,dotnet,go}}.
#   scripts/jsii-build.sh            compile + generate sources
#   scripts/jsii-build.sh --no-pacmak  compile only
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STAGE="$ROOT/.gen/jsii"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 CHECKPOINT_DISABLE=1
[ -d "$ROOT/lib/providers/alicloud" ] || (cd "$ROOT" && npm run --silent generate)
rm -rf "$STAGE"
mkdir -p "$STAGE/node_modules/@types"
cp -r "$ROOT/lib" "$STAGE/lib"
node "$ROOT/scripts/jsii-package.js" > "$STAGE/package.json"
cp "$ROOT/README.md" "$STAGE/README.md"
for m in cdktf constructs yaml zod; do ln -s "$ROOT/node_modules/$m" "$STAGE/node_modules/$m"; done
ln -s "$ROOT/node_modules/@types/node" "$STAGE/node_modules/@types/node"
cd "$STAGE"
"$ROOT/node_modules/.bin/jsii" --silence-warnings=reserved-word --fail-on-warnings=false
if [ "${1:-}" != "--no-pacmak" ]; then
  "$ROOT/node_modules/.bin/jsii-pacmak" --code-only --targets python java dotnet go --outdir dist
fi
