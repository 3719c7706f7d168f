#!/usr/bin/env bash
# build-aux/screenshot.sh BUILDDIR OUTDIR: takes the README screenshots from
# the running application. Run through `./build-aux/dev screenshot`, which
# provides the X display, session bus and keyring.
set -euo pipefail
builddir=$1
outdir=$2
mkdir -p "$outdir"

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_CONFIG_HOME=$home/config XDG_STATE_HOME=$home/state XDG_DATA_HOME=$home/data
export GTK_A11Y=none GSK_RENDERER=cairo

"$builddir/src/gui/nylas-manager" &
pid=$!
# No window manager: the window opens at the origin with its default size.
sleep 3
import -window root -crop 1000x700+0+0 +repage "$outdir/welcome.png"
kill "$pid"
wait "$pid" 2>/dev/null || true
echo "wrote $outdir/welcome.png"

# The API Keys page and the once-only secret dialog, in the sandbox (they
# need the accessibility bus to be driven; skipped without dogtail).
status=0
GTK_A11Y=atspi /usr/bin/python3 "$(dirname "$0")/screenshot-keys.py" \
  "$builddir/src/gui/nylas-manager" "$outdir" || status=$?
if [ "$status" -eq 77 ]; then
  echo "API keys screenshots skipped: no dogtail, bus or display" >&2
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi

# The Overview (production checklist) and Redirect URIs pages, in the sandbox.
status=0
GTK_A11Y=atspi /usr/bin/python3 "$(dirname "$0")/screenshot-applications.py" \
  "$builddir/src/gui/nylas-manager" "$outdir" || status=$?
if [ "$status" -eq 77 ]; then
  echo "application screenshots skipped: no dogtail, bus or display" >&2
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi
