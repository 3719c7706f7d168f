#!/usr/bin/env python3
# check-flatpak-manifest.py ROOT APP_ID [FLATPAK_BUILDER]: the Devel manifest
# parses, names the app ID and command, grants what the app needs and no
# more, and builds the app module last with its tests. When flatpak-builder
# is there, it must read the manifest without "Unknown property" warnings.
import json
import pathlib
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
app_id = sys.argv[2]
builder = sys.argv[3] if len(sys.argv) > 3 else ''

path = root / 'flatpak' / f'{app_id}.json'
manifest = json.loads(path.read_text(encoding='utf-8'))
problems = []

def expect(cond, what):
    if not cond:
        problems.append(what)

expect(manifest.get('id', manifest.get('app-id')) == app_id, f'id is not {app_id}')
expect(manifest.get('command') == 'nylas-manager', 'command is not nylas-manager')
expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')

args = manifest.get('finish-args', [])
for needed in ('--share=network', '--share=ipc', '--socket=wayland',
               '--socket=fallback-x11', '--device=dri'):
    expect(needed in args, f'finish-args lacks {needed}')
# libsecret uses the Secret portal inside Flatpak; the host keyring is not needed.
expect('--talk-name=org.freedesktop.secrets' not in args,
       'finish-args opens the whole host keyring')
expect(not any(a.startswith('--filesystem=') for a in args),
       'finish-args grants file system access: files come through the portal')

modules = manifest.get('modules', [])
expect(len(modules) > 0, 'no modules')
if modules:
    app = modules[-1]
    expect(isinstance(app, dict) and app.get('name') == 'nylas-manager',
           'the app module is not last')
    if isinstance(app, dict):
        expect(app.get('buildsystem') == 'meson', 'the app module is not built with meson')
        expect(app.get('run-tests') is True, 'the app module does not run its tests')
        expect('-Ddevelopment=true' in app.get('config-opts', []),
               'the Devel manifest does not build the Devel flavour')

if builder:
    run = subprocess.run([builder, '--show-manifest', str(path)],
                         capture_output=True, text=True)
    expect(run.returncode == 0, f'flatpak-builder cannot read the manifest: {run.stderr.strip()}')
    expect('Unknown property' not in run.stderr,
           f'flatpak-builder: {run.stderr.strip()}')

for p in problems:
    print(p, file=sys.stderr)
print(f'{path.name}: {len(problems)} problems')
sys.exit(1 if problems else 0)
