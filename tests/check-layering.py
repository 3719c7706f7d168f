#!/usr/bin/env python3
# check-layering.py: fail when a file includes a header from a layer it must
# not see (design.md §4). meson's include paths already stop most mistakes;
# this also catches system headers, which are on every path.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
include = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)

forbidden = {
    # api and model: no GTK, no libadwaita, no GDK.
    'src/api': re.compile(r'^(gtk/|gdk/|adwaita\.h|gtk\.h)'),
    'src/model': re.compile(r'^(gtk/|gdk/|adwaita\.h|gtk\.h|libsoup/|libsecret/|openssl/)'),
    'src/sandbox': re.compile(r'^(gtk/|gdk/|adwaita\.h|gtk\.h|libsecret/)'),
    # The faces: no transport, no keyring, no cryptography.
    'src/gui': re.compile(r'^(libsoup/|libsecret/|openssl/)'),
    'src/cli': re.compile(r'^(libsoup/|libsecret/|openssl/|gtk/|gdk/|adwaita\.h)'),
}

problems = []
checked = 0
for layer, pattern in forbidden.items():
    for path in sorted((root / layer).rglob('*.[ch]')):
        checked += 1
        for header in include.findall(path.read_text(encoding='utf-8')):
            if pattern.match(header):
                problems.append(f'{path.relative_to(root)}: includes <{header}>, '
                                f'which {layer} must not see')

# Headers a face can see must not drag transport headers in either.
public_layers = ['src/api', 'src/model', 'src/sandbox']
for layer in public_layers:
    for path in sorted((root / layer).rglob('*.h')):
        if path.name.endswith('-private.h'):
            continue
        for header in include.findall(path.read_text(encoding='utf-8')):
            if re.match(r'^(libsoup/|libsecret/|openssl/)', header):
                problems.append(f'{path.relative_to(root)}: public header includes <{header}>')

if checked == 0:
    print('no sources found under', root, file=sys.stderr)
    sys.exit(1)

for p in problems:
    print(p, file=sys.stderr)
print(f'{checked} files checked, {len(problems)} layering problems')
sys.exit(1 if problems else 0)
