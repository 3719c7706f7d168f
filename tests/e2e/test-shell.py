#!/usr/bin/env python3
# test-shell.py BINARY: the application shell as a first-time user meets it.
import sys

from nyle2e import App, Tap


def main():
    tap = Tap()
    app = App(sys.argv[1])
    try:
        tap.ok(app.find_text('Welcome to Nylas Manager') is not None,
               'the welcome page greets a user with no application')

        sections = app.find('list', 'Sections')
        tap.ok(sections is not None, 'the sidebar lists the sections')
        if sections is not None:
            rows = [c.name for c in sections]
            tap.ok(rows[:3] == ['Overview', 'Settings', 'API Keys'] and len(rows) == 10,
                   f'ten sections, Overview first ({rows})')
            tap.ok(not app.sensitive(sections), 'sections wait for an application to be added')

        for name in ('Main Menu', 'Add Application', 'Try the Sandbox'):
            tap.ok(app.find('push button', name, timeout=2) is not None
                   or app.find('toggle button', name, timeout=2) is not None,
                   f'the "{name}" button is reachable by its accessible name')

        add = app.find('push button', 'Add Application')
        if add is not None:
            app.click(add)
            tap.ok(app.find('page tab', 'Service Account') is not None,
                   'Add Application offers the API key and Service Account paths')
    finally:
        app.close()
    return tap.done()


sys.exit(main())
