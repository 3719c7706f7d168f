#!/usr/bin/env python3
# test-keys.py BINARY: API keys in the sandbox, from a user's seat: create a
# key, copy its secret from the once-only dialog and find it in the keyring,
# roll it with the old key's revocation scheduled for later (and see it
# pending, kept on disk), and revoke another key.
import json
import os
import shutil
import subprocess
import sys
import time

from nyle2e import App, Tap

import pyatspi

APP_ID = 'io.github.nylasmanager.NylasManager'


def log(*a):
    print('#', time.strftime('%H:%M:%S'), *a, flush=True)


def plain(name):
    """An accessible name without mnemonics and GTK 4.8's repeated label."""
    name = (name or '').replace('_', '')
    half = name[:len(name) // 2]
    if len(name) % 2 == 1 and name == f'{half} {half}':
        return half
    return name


def shown(window):
    """GTK 4.8 marks a toplevel SHOWING, or only VISIBLE for a dialog."""
    state = window.getState()
    return state.contains(pyatspi.STATE_SHOWING) or state.contains(pyatspi.STATE_VISIBLE)


def window_named(app, title, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for w in app.node:
            try:
                if w is not None and w.name == title and shown(w):
                    return w
            except Exception:
                continue
        time.sleep(0.2)
    return None


def window_gone(app, title, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if window_named(app, title, timeout=0.1) is None:
            return True
        time.sleep(0.2)
    return False


def message_dialog(app, heading, timeout=10):
    """The AdwMessageDialog showing heading (it has no title of its own)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for w in app.node:
            try:
                if w is None or not shown(w):
                    continue
                for n in app._walk(w):
                    if n.getRoleName() == 'label' and n.name == heading:
                        return w
            except Exception:
                continue
        time.sleep(0.2)
    return None


def within(app, root, match, timeout=10):
    deadline = time.monotonic() + timeout
    while True:
        for n in app._walk(root):
            try:
                if match(n):
                    return n
            except Exception:
                continue
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.2)


def button_in(app, root, name, timeout=10):
    return within(app, root, lambda n: n.getRoleName() in ('push button', 'toggle button',
                                                           'radio button', 'menu item', 'check box')
                  and (plain(n.name) == name or plain(n.name).startswith(name + ' ')), timeout)


def do_action(node):
    """Activates a node through its action interface, as ci-recipe.md §5 says;
    a node without actions (a GtkMenuButton) passes it to its first child
    that has some."""
    try:
        action = node.queryAction()
    except NotImplementedError:
        action = None
    if action is None or action.nActions == 0:
        for child in node:
            if child is not None and do_action(child):
                return True
        return False
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ('click', 'activate', 'press', 'toggle'):
        if wanted in names:
            action.doAction(names.index(wanted))
            return True
    if action.nActions > 0:
        action.doAction(0)
        return True
    return False


def press_in(app, root, name, timeout=10):
    node = button_in(app, root, name, timeout)
    if node is None:
        log(f'no button {name!r}')
        return False
    return do_action(node)


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, -1)
    except Exception:
        return node.name


def label_in(app, root, start, timeout=10):
    return within(app, root, lambda n: n.getRoleName() == 'label'
                  and (n.name or '').startswith(start), timeout)


def key_row(app, name, timeout=10):
    keys = app.find('list', 'API keys', timeout=timeout)
    if keys is None:
        return None
    return within(app, keys, lambda n: n.getRoleName() == 'push button'
                  and plain(n.name) == f'Actions for “{name}”', timeout)


def open_key_menu(app, name, item):
    """Opens the actions menu of a key and picks item."""
    menu_button = key_row(app, name)
    if menu_button is None:
        log(f'no menu for {name}')
        return False
    do_action(menu_button)
    # The menu is a popover of that button, in its subtree.
    entry = within(app, menu_button, lambda n: n.getRoleName() in ('menu item', 'push button')
                   and plain(n.name) == item, timeout=10)
    if entry is None:
        log(f'no menu item {item}')
        return False
    return do_action(entry)


def clipboard_text():
    """The clipboard's text, read by a separate GTK client; None if no GTK for Python."""
    script = ('import gi\n'
              'gi.require_version("Gtk", "3.0")\n'
              'from gi.repository import Gtk, Gdk\n'
              'text = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD).wait_for_text()\n'
              'print(text if text is not None else "", end="")\n')
    try:
        result = subprocess.run(['/usr/bin/python3', '-c', script], capture_output=True,
                                text=True, timeout=20)
    except Exception:
        return None
    if result.returncode != 0:
        return None
    return result.stdout


def keyring_secrets():
    """Every secret the app keeps in the keyring, as {secret: kind}; None
    when the keyring cannot be searched. secret-tool prints attributes on
    stderr and secrets on stdout, so each kind is searched for on its own
    rather than pairing lines of the two streams."""
    if shutil.which('secret-tool') is None:
        return None
    secrets = {}
    for kind in ('api-key', 'service-account-key', 'webhook-secret', 'connector-secret'):
        result = subprocess.run(['secret-tool', 'search', '--all', '--unlock',
                                 'xdg:schema', APP_ID, 'kind', kind],
                                capture_output=True, text=True, timeout=30)
        for line in result.stdout.splitlines():
            if line.startswith('secret = '):
                secrets[line[len('secret = '):]] = kind
    return secrets


def pending_file(home):
    path = os.path.join(home, 'state', 'nylas-manager', 'pending-revocations.json')
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def show_key(profile_id, key_id):
    """Activates app.show-api-key, as clicking a key-expiry notification does."""
    result = subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID,
                             '--object-path', '/' + APP_ID.replace('.', '/'),
                             '--method', 'org.gtk.Actions.Activate', 'show-api-key',
                             f"[<('{profile_id}', '{key_id}')>]", '{}'],
                            capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        log('show-api-key:', result.stderr.strip())
    return result.returncode == 0


def main():
    tap = Tap()
    app = App(sys.argv[1], args=['--sandbox'])
    try:
        keys = app.find('list', 'API keys', timeout=30)
        tap.ok(keys is not None, 'the sandbox opens')
        # Wait for the sandbox's keys, then go to them the way an expiry
        # notification does.
        key_row(app, 'CI pipeline', timeout=30)
        tap.ok(show_key('sandbox', 'no-such-key'),
               'the action expiry notifications open is exported')
        tap.ok(within(app, app.node, lambda n: n.getRoleName() == 'filler'
                      and n.name == 'AdwWindowTitle'
                      and any(c.name == 'API Keys' for c in app._walk(n)
                              if c.getRoleName() == 'label'), timeout=10) is not None,
               'it shows the API Keys page')
        tap.ok(key_row(app, 'CI pipeline', timeout=20) is not None,
               'the sandbox keys are listed, each with its actions')

        # Create: name and expiry, then the secret, once.
        press_in(app, app.node, 'Create Key')
        dialog = window_named(app, 'Create API Key')
        tap.ok(dialog is not None, 'Create Key opens its dialog')
        name = within(app, dialog, lambda n: n.getRoleName() == 'text' and n.name == 'Name')
        name.queryEditableText().setTextContents('E2E deploy')
        press_in(app, dialog, 'Create')

        secret_dialog = window_named(app, 'New API Key', timeout=20)
        tap.ok(secret_dialog is not None, 'the new key’s secret is shown in its own dialog')
        copy = button_in(app, secret_dialog, 'Copy Secret')
        secret_label = None
        if copy is not None:
            secret_label = next((c for c in copy.parent
                                 if c is not None and c.getRoleName() == 'label'), None)
        secret = secret_label.name if secret_label is not None else None
        tap.ok(bool(secret) and secret != 'Secret', 'the secret is on screen')
        tap.ok(label_in(app, secret_dialog, 'Stored in the keyring') is not None,
               'the dialog says the secret is stored in the keyring')

        press_in(app, secret_dialog, 'Copy Secret')
        tap.ok(button_in(app, secret_dialog, 'Copied', timeout=5) is not None,
               'Copy Secret says it copied')
        copied = clipboard_text()
        if copied is not None:
            tap.ok(copied == secret, 'the clipboard holds the secret')

        secrets = keyring_secrets()
        if secrets is not None:
            tap.ok(secrets.get(secret) == 'api-key',
                   'the secret is in the keyring as an API key')

        press_in(app, secret_dialog, 'Done')
        tap.ok(window_gone(app, 'New API Key'), 'Done closes the once-only dialog')
        tap.ok(key_row(app, 'E2E deploy', timeout=20) is not None, 'the new key is listed')

        # Roll it, keeping the old key for a day.
        tap.ok(open_key_menu(app, 'E2E deploy', 'Roll Key…'), 'the key’s menu offers Roll Key')
        roll = window_named(app, 'Roll API Key')
        tap.ok(roll is not None, 'Roll Key opens its dialog')
        tap.ok(press_in(app, roll, '24 Hours'), 'the old key can be kept for 24 hours')
        press_in(app, roll, 'Roll')
        tap.ok(label_in(app, roll, 'Rolled. Deploy the new key before', timeout=30) is not None,
               'the roll succeeds and says when the old key goes')
        new_secret = window_named(app, 'New API Key', timeout=20)
        tap.ok(new_secret is not None, 'the new key’s secret is shown once')
        if new_secret is not None:
            press_in(app, new_secret, 'Done')
            window_gone(app, 'New API Key')
        press_in(app, roll, 'Close')
        tap.ok(window_gone(app, 'Roll API Key'), 'the roll dialog closes')

        pending = pending_file(app.home)
        entries = pending.get('revocations') if isinstance(pending, dict) else None
        tap.ok(isinstance(entries, list) and len(entries) == 1,
               f'one revocation is scheduled and kept on disk ({pending})')
        tap.ok(within(app, app.node, lambda n: n.getRoleName() == 'label'
                      and (n.name or '').startswith('Revoked on '), timeout=20) is not None,
               'the old key shows when it will be revoked')
        tap.ok(within(app, app.node, lambda n: n.getRoleName() == 'label'
                      and n.name == 'Scheduled Revocations', timeout=5) is not None,
               'the page lists the scheduled revocation')
        tap.ok(key_row(app, 'E2E deploy', timeout=5) is not None,
               'the old key still works until then')

        # Revoke another key, after a confirmation naming it.
        tap.ok(open_key_menu(app, 'CI pipeline', 'Revoke…'), 'the key’s menu offers Revoke')
        confirm = message_dialog(app, 'Revoke “CI pipeline”?')
        tap.ok(confirm is not None, 'revoking asks first, naming the key')
        if confirm is not None:
            press_in(app, confirm, 'Revoke')
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and key_row(app, 'CI pipeline', timeout=0.5) is not None:
            time.sleep(0.3)
        tap.ok(key_row(app, 'CI pipeline', timeout=0.5) is None, 'the revoked key is gone')
    finally:
        app.close()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
