#!/usr/bin/env python3
# build-aux/screenshot-applications.py BINARY OUTDIR: the README screenshots
# of the Overview (with the production checklist) and Redirect URIs pages,
# taken from the running application in the sandbox. Called by
# build-aux/screenshot.sh (X display, session bus and keyring provided);
# drives the app through its accessibility tree with the e2e helpers.
import importlib.util
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'tests', 'e2e'))
spec = importlib.util.spec_from_file_location(
    'applications_e2e', os.path.join(here, '..', 'tests', 'e2e', 'test-applications.py'))
applications = importlib.util.module_from_spec(spec)
spec.loader.exec_module(applications)  # exits 77 without dogtail, a bus or a display

from nyle2e import App  # noqa: E402


def grab(path):
    # No window manager: the window is at the origin, at its default size.
    subprocess.run(['import', '-window', 'root', '-crop', '1000x700+0+0', '+repage', path],
                   check=True)
    print(f'wrote {path}')


def main():
    binary, outdir = sys.argv[1], sys.argv[2]
    app = App(binary, args=['--sandbox'])
    try:
        if applications.checklist_state(app, 'At least one redirect URI', timeout=30) is None:
            raise RuntimeError('the sandbox overview did not load')
        time.sleep(2)
        grab(os.path.join(outdir, 'overview.png'))

        applications.show_section(app, 'Redirect URIs')
        if not applications.wait_count(app, 'Redirect URIs', 6):
            raise RuntimeError('the sandbox redirect URIs did not load')
        time.sleep(2)
        grab(os.path.join(outdir, 'redirect-uris.png'))
    finally:
        app.close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
