#!/usr/bin/env python3
# build-aux/screenshot-keys.py BINARY OUTDIR: the README screenshots of the
# API Keys page and of the once-only secret dialog, taken from the running
# application in the sandbox. Called by build-aux/screenshot.sh (X display,
# session bus and keyring provided); drives the app through its
# accessibility tree with the e2e helpers.
import importlib.util
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'tests', 'e2e'))
spec = importlib.util.spec_from_file_location(
    'keys_e2e', os.path.join(here, '..', 'tests', 'e2e', 'test-keys.py'))
keys = importlib.util.module_from_spec(spec)
spec.loader.exec_module(keys)  # exits 77 without dogtail, a bus or a display

from nyle2e import App  # noqa: E402


def grab(args, path):
    subprocess.run(['import'] + args + [path], check=True)
    print(f'wrote {path}')


def main():
    binary, outdir = sys.argv[1], sys.argv[2]
    app = App(binary, args=['--sandbox'])
    try:
        if keys.key_row(app, 'CI pipeline', timeout=30) is None:
            raise RuntimeError('the sandbox keys did not load')
        keys.show_key('sandbox', 'none')
        time.sleep(2)
        # No window manager: the window is at the origin, at its default size.
        grab(['-window', 'root', '-crop', '1000x700+0+0', '+repage'],
             os.path.join(outdir, 'api-keys.png'))

        keys.press_in(app, app.node, 'Create Key')
        dialog = keys.window_named(app, 'Create API Key')
        name = keys.within(app, dialog, lambda n: n.getRoleName() == 'text' and n.name == 'Name')
        name.queryEditableText().setTextContents('Production deploy')
        keys.press_in(app, dialog, 'Create')
        if keys.window_named(app, 'New API Key', timeout=20) is None:
            raise RuntimeError('the secret dialog did not open')
        time.sleep(2)
        grab(['-window', 'New API Key'], os.path.join(outdir, 'secret-dialog.png'))
    finally:
        app.close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
