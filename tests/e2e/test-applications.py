#!/usr/bin/env python3
# test-applications.py BINARY: applications from a user's seat: add one by
# API key with its region detected, switch between it and the sandbox, fix
# the production checklist from the Redirect URIs page, edit branding, see
# the last application reopen at start, and remove it, secrets included.
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

from nyle2e import App, Tap, skip

APP_ID = 'io.github.nylasmanager.NylasManager'


def start_sandbox():
    """The external sandbox: (process, its JSON description)."""
    binary = os.environ.get('NYL_E2E_SANDBOX')
    if not binary or not os.path.exists(binary):
        skip('NYL_E2E_SANDBOX is not set')
    proc = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    line = proc.stdout.readline()
    if not line:
        proc.wait()
        skip('the e2e sandbox did not start')
    return proc, json.loads(line)


def keyring_entries(profile_id):
    """The app's keyring items for a profile: a list of (kind, object), or
    None when the keyring cannot be searched. secret-tool prints items on
    stdout but their attributes on stderr, so items are searched for kind by
    kind and their object IDs looked up one by one, never by pairing lines
    of the two streams."""
    if shutil.which('secret-tool') is None:
        return None
    entries = []
    for kind in ('api-key', 'service-account-key', 'webhook-secret', 'connector-secret'):
        result = subprocess.run(['secret-tool', 'search', '--all', '--unlock',
                                 'xdg:schema', APP_ID, 'profile', profile_id, 'kind', kind],
                                capture_output=True, text=True, timeout=30)
        objects = [line.partition(' = ')[2] for line in result.stderr.splitlines()
                   if line.startswith('attribute.object = ')]
        n_items = sum(1 for line in result.stdout.splitlines() if line.startswith('['))
        objects += [None] * (n_items - len(objects))
        entries.extend((kind, obj) for obj in objects[:n_items])
    return entries


def plain(name):
    """An accessible name without mnemonics and GTK 4.8's repeated label."""
    name = (name or '').replace('_', '')
    half = name[:len(name) // 2]
    if len(name) % 2 == 1 and name == f'{half} {half}':
        return half
    return name


def button(app, name, timeout=10):
    return app.wait_for(lambda n: n.getRoleName() in ('push button', 'toggle button')
                        and (plain(n.name) == name or plain(n.name).startswith(name + ' ')),
                        timeout)


def window_named(app, title, timeout=10):
    """A toplevel of the app (dialog) by its title."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for w in app.node:
            if w is not None and w.name == title:
                return w
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


def clickable(app, node):
    """node, or the descendant that can be clicked: GTK 4.8 gives a menu
    button's accessible name to the menu button and the click to its inner
    toggle button."""
    for n in app._walk(node):
        try:
            action = n.queryAction()
            if 'click' in [action.getName(i) for i in range(action.nActions)]:
                return n
        except Exception:
            continue
    return node


def press(app, name, timeout=10):
    """Presses the button called name, finding it again if the one found
    went away in between (GTK rebuilds some buttons' content)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        node = button(app, name, timeout=max(0.1, deadline - time.monotonic()))
        if node is None:
            break
        try:
            clickable(app, node).doActionNamed('click')
            return True
        except Exception as e:
            log(f'pressing {name} failed: {e}')
            time.sleep(0.3)
    return False


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def field(app, root, title):
    return within(app, root, lambda n: n.getRoleName() == 'text' and n.name == title)


def checklist_state(app, title, timeout=0):
    """The state word shown on a checklist item ("Passed", …)."""
    deadline = time.monotonic() + timeout
    while True:
        for n in app._walk(app.node):
            try:
                if n.getRoleName() == 'list item' and n.name == title:
                    labels = [c.name for c in app._walk(n) if c.getRoleName() == 'label']
                    for word in ('Passed', 'Needs attention', 'Not checked'):
                        if word in labels:
                            return word
            except Exception:
                continue
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.2)


def wait_checklist(app, title, state, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if checklist_state(app, title) == state:
            return True
        time.sleep(0.3)
    return False


def show_section(app, name):
    """Chooses a sidebar section the way an assistive technology does: by
    selecting its row."""
    sections = app.find('list', 'Sections')
    for i, row in enumerate(sections):
        if row.name == name:
            return sections.querySelection().selectChild(i)
    return False


def wait_count(app, list_name, count, timeout=15):
    """Waits until the list called list_name has count rows."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = app.find('list', list_name, timeout=1)
        try:
            if found is not None and found.childCount == count:
                return True
        except Exception:
            pass
        time.sleep(0.3)
    return False


def wait_description(app, node, text, timeout=10):
    """Waits until node's accessible description (where a form puts the
    reason it refuses a field) contains text."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if node is not None and text in (node.description or ''):
            return True
        time.sleep(0.2)
    return False


def profile_id_by_name(home, name):
    path = os.path.join(home, 'config', 'nylas-manager', 'profiles.json')
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    for p in data.get('profiles', []):
        if p.get('name') == name:
            return p.get('id')
    return None


def log(*a):
    print("#", time.strftime("%H:%M:%S"), *a, flush=True)


def main():
    tap = Tap()
    sandbox, info = start_sandbox()
    eu = [a for a in info['applications'] if a['region'] == 'eu'][0]
    home = tempfile.mkdtemp(prefix='nyl-e2e-apps-')
    env = {
        'NYL_TEST_REGION_URL_US': info['us_url'],
        'NYL_TEST_REGION_URL_EU': info['eu_url'],
        # Kept on disk, so the last application reopens at the next start.
        'GSETTINGS_BACKEND': 'keyfile',
    }
    app = None
    try:
        app = App(sys.argv[1], extra_env=env, home=home)

        # Onboarding: the form says what is wrong before sending anything.
        tap.ok(button(app, 'Add Application') is not None, 'the welcome page offers Add Application')
        press(app, 'Add Application')
        dialog = window_named(app, 'Add Application')
        tap.ok(dialog is not None, 'Add Application opens its window')
        app.click(within(app, dialog, lambda n: n.getRoleName() == 'push button'
                         and plain(n.name) == 'Add'))
        tap.ok(app.find_text('Give the application a name', timeout=5) is not None,
               'an empty form is refused, in plain words, next to the name')
        set_text(field(app, dialog, 'Name'), 'Globex EU')
        set_text(field(app, dialog, 'API Key'), 'not a key')
        app.click(within(app, dialog, lambda n: n.getRoleName() == 'push button'
                         and plain(n.name) == 'Add'))
        tap.ok(app.find_text('An API key has no spaces', timeout=5) is not None,
               'a mangled API key is refused before any request')

        # The EU application's key with "Detect Automatically": both regions
        # are probed and the EU one answers.
        set_text(field(app, dialog, 'API Key'), eu['api_key'])
        app.click(within(app, dialog, lambda n: n.getRoleName() == 'push button'
                         and plain(n.name) == 'Add'))
        tap.ok(app.find_text('Europe (EU)', timeout=20) is not None,
               'the profile is added by API key and its region detected as EU')
        tap.ok(window_named(app, 'Add Application', timeout=1) is None,
               'the Add Application window closes once added')
        profile_id = profile_id_by_name(home, 'Globex EU')
        tap.ok(profile_id is not None, 'the profile is saved')
        entries = keyring_entries(profile_id) if profile_id else None
        if entries is not None:
            tap.ok(any(kind == 'api-key' for kind, _ in entries),
                   f'its API key is in the keyring ({entries})')
        tap.ok(checklist_state(app, 'At least one redirect URI', timeout=15) == 'Passed',
               'the checklist of the new application is computed')

        # Switching: to the sandbox and back.
        press(app, 'Switch Application')
        press(app, 'Try the Sandbox')
        tap.ok(app.find_text('Sandbox (simulated) at', timeout=20) is not None,
               'Try the Sandbox opens the simulated application')
        tap.ok(app.find_text('United States (US)', timeout=10) is not None,
               'the sandbox application is in the US region')
        press(app, 'Switch Application')
        tap.ok(press(app, 'Globex EU'), 'the switcher lists the added application')
        tap.ok(app.find_text('Europe (EU)', timeout=20) is not None,
               'switching back shows the EU application again')

        # The checklist follows live state: remove every redirect URI, then
        # add one.
        tap.ok(wait_checklist(app, 'At least one redirect URI', 'Passed'),
               'with redirect URIs, "At least one redirect URI" passes')
        show_section(app, 'Redirect URIs')
        for _ in range(10):
            rows = app.find('list', 'Redirect URIs', timeout=5)
            count = rows.childCount if rows is not None else 0
            if count == 0:
                break
            delete = app.wait_for(lambda n: n.getRoleName() == 'push button'
                                  and plain(n.name).startswith('Delete http'), timeout=5)
            if delete is None:
                break
            app.click(delete)
            wait_count(app, 'Redirect URIs', count - 1, timeout=10)
        tap.ok(wait_count(app, 'Redirect URIs', 0),
               'deleting every redirect URI empties the list')
        show_section(app, 'Overview')
        tap.ok(wait_checklist(app, 'At least one redirect URI', 'Needs attention'),
               'the checklist now says a redirect URI is missing')

        show_section(app, 'Redirect URIs')
        press(app, 'Add Redirect URI')
        uri_dialog = window_named(app, 'Add Redirect URI')
        tap.ok(uri_dialog is not None, 'Add Redirect URI opens its dialog')
        set_text(field(app, uri_dialog, 'URL'), 'http://app.globex.example/callback')
        app.click(within(app, uri_dialog, lambda n: n.getRoleName() == 'push button'
                         and plain(n.name) == 'Add'))
        tap.ok(wait_description(app, field(app, uri_dialog, 'URL'),
                                'Use https: plain http is only allowed for localhost'),
               'plain http to a real host is refused, next to the URL')
        set_text(field(app, uri_dialog, 'URL'), 'https://app.globex.example/callback')
        app.click(within(app, uri_dialog, lambda n: n.getRoleName() == 'push button'
                         and plain(n.name) == 'Add'))
        tap.ok(wait_count(app, 'Redirect URIs', 1)
               and app.find_text('https://app.globex.example/callback', timeout=10) is not None,
               'the new redirect URI is listed')
        show_section(app, 'Overview')
        tap.ok(wait_checklist(app, 'At least one redirect URI', 'Passed'),
               'the checklist passes again after adding a redirect URI')

        # Branding, checked then saved whole.
        show_section(app, 'Settings')
        website = app.wait_for(lambda n: n.getRoleName() == 'text' and n.name == 'Website URL')
        name = app.wait_for(lambda n: n.getRoleName() == 'text' and n.name == 'Name')
        set_text(website, 'http://globex.example')
        press(app, 'Save')
        tap.ok(wait_description(app, website, 'plain http is only allowed for localhost'),
               'an http website is refused, next to its field')
        set_text(website, 'https://globex.example')
        set_text(name, 'Globex Mail')
        press(app, 'Save')
        tap.ok(app.find_text('Settings saved', timeout=10) is not None,
               'the branding is saved, with a toast')
        tap.ok(press(app, 'Undo') and app.find_text('Change undone', timeout=10) is not None,
               'the toast undoes the change')
        show_section(app, 'Overview')
        tap.ok(app.wait_for(lambda n: n.getRoleName() == 'heading'
                            and n.name == 'Acme Mail (EU staging)', timeout=15) is not None,
               'after undo the overview shows the old branding name')
        show_section(app, 'Settings')
        name = app.wait_for(lambda n: n.getRoleName() == 'text' and n.name == 'Name')
        set_text(name, 'Globex Mail')
        press(app, 'Save')
        tap.ok(app.find_text('Settings saved', timeout=10) is not None, 'saved again')
        show_section(app, 'Overview')
        tap.ok(app.wait_for(lambda n: n.getRoleName() == 'heading' and n.name == 'Globex Mail',
                            timeout=15) is not None,
               'the overview shows the new branding name')

        # The last application opens again at start.
        app.close()
        app = App(sys.argv[1], extra_env=env, home=home)
        tap.ok(app.wait_for(lambda n: n.getRoleName() == 'heading' and n.name == 'Globex Mail',
                            timeout=20) is not None,
               'the last application reopens at start')

        # Removing clears the secrets.
        press(app, 'Switch Application')
        press(app, 'Remove Globex EU')
        confirm = window_named(app, 'Remove “Globex EU”?') or app.node
        remove = within(app, confirm, lambda n: n.getRoleName() == 'push button'
                        and plain(n.name) == 'Remove', timeout=10)
        tap.ok(remove is not None, 'removing asks for confirmation')
        if remove is not None:
            app.click(remove)
        tap.ok(app.find_text('Removed “Globex EU” and its secrets', timeout=15) is not None,
               'the application is removed')
        time.sleep(0.5)
        tap.ok(profile_id_by_name(home, 'Globex EU') is None, 'the profile is gone from the file')
        entries = keyring_entries(profile_id) if profile_id else None
        if entries is not None:
            tap.ok(entries == [], f'its secrets are gone from the keyring ({entries})')
    finally:
        if app is not None:
            app.close()
        sandbox.stdin.close()
        sandbox.wait(10)
        shutil.rmtree(home, ignore_errors=True)
    return tap.done()


if __name__ == '__main__':
    # dogtail swallows uncaught exceptions: print them, so a failure says why.
    try:
        sys.exit(main())
    except Exception:
        traceback.print_exc()
        sys.exit(1)

