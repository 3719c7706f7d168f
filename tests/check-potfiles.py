#!/usr/bin/env python3
# check-potfiles.py: every source or .ui file with translatable strings is
# listed in po/POTFILES.in, the list names only files that exist, and it is
# kept in alphabetical order.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
potfiles = root / 'po' / 'POTFILES.in'

listed = [l.strip() for l in potfiles.read_text(encoding='utf-8').splitlines()
          if l.strip() and not l.startswith('#')]

c_marker = re.compile(r'\b(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"')
ui_marker = re.compile(r'translatable="yes"')

needed = []
for path in sorted((root / 'src').rglob('*')):
    if path.suffix in ('.c', '.h'):
        if c_marker.search(path.read_text(encoding='utf-8')):
            needed.append(path.relative_to(root).as_posix())
    elif path.suffix == '.ui':
        if ui_marker.search(path.read_text(encoding='utf-8')):
            needed.append(path.relative_to(root).as_posix())

problems = []
for f in needed:
    if f not in listed:
        problems.append(f'{f} has translatable strings but is missing from po/POTFILES.in')
for f in listed:
    if not (root / f).exists():
        problems.append(f'po/POTFILES.in lists {f}, which does not exist')
if listed != sorted(listed):
    problems.append('po/POTFILES.in is not in alphabetical order')
if len(set(listed)) != len(listed):
    problems.append('po/POTFILES.in lists a file twice')

for p in problems:
    print(p, file=sys.stderr)
print(f'{len(needed)} files with translatable strings, {len(listed)} listed, {len(problems)} problems')
sys.exit(1 if problems else 0)
