# nyle2e.py: helpers for driving Nylas Manager through its accessibility
# tree, as a person would (ci-recipe.md §5). Imported by the e2e tests.
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(reason):
    print(f'1..0 # SKIP {reason}')
    sys.exit(SKIP)


try:
    from dogtail.config import config
    # Must be set before dogtail.tree is imported, or dogtail aborts because
    # the desktop's toolkit-accessibility key is false.
    config.checkForA11y = False
    config.searchCutoffCount = 40
    config.defaultDelay = 0.2
    config.logDebugToFile = False
    config.logDebugToStdOut = False
    import contextlib
    import io
    # dogtail prints warnings on stdout at import, which would break TAP.
    with contextlib.redirect_stdout(io.StringIO()):
        import dogtail.tree  # noqa: F401 (adds doActionNamed & co. to accessibles)
    import pyatspi
except Exception as e:  # pragma: no cover - environment check
    skip(f'dogtail/pyatspi not available: {e}')

if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip('no display or session bus')


class Tap:
    """Minimal TAP producer so meson shows each step."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, what):
        self.n += 1
        if cond:
            print(f'ok {self.n} - {what}', flush=True)
        else:
            self.failed += 1
            print(f'not ok {self.n} - {what}', flush=True)
        return cond

    def done(self):
        print(f'1..{self.n}', flush=True)
        return 1 if self.failed else 0


class App:
    """The real nylas-manager binary, with a private HOME."""

    def __init__(self, binary, extra_env=None, args=None, home=None):
        # A home passed in outlives the app (to start it again on the same
        # profiles); one made here is removed on close.
        self.own_home = home is None
        self.home = home or tempfile.mkdtemp(prefix='nyl-e2e-')
        env = dict(os.environ)
        env.update({
            'HOME': self.home,
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_STATE_HOME': os.path.join(self.home, 'state'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'GTK_A11Y': 'atspi',
            'GSK_RENDERER': 'cairo',
        })
        env.pop('G_DEBUG', None)
        env.update(extra_env or {})
        self.proc = subprocess.Popen([binary] + list(args or []), env=env)
        self.node = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.node is None:
            self.node = self._application()
            if self.node is None:
                time.sleep(0.2)
        if self.node is None:
            self.close()
            raise RuntimeError('nylas-manager did not appear on the accessibility bus')

    def _application(self):
        for a in pyatspi.Registry.getDesktop(0):
            if a is not None and a.name == 'nylas-manager' and a.get_process_id() == self.proc.pid:
                return a
        return None

    def _walk(self, node):
        """Every descendant of node, depth first (dogtail's Node mixin applies)."""
        stack = [node]
        while stack:
            n = stack.pop()
            yield n
            try:
                stack.extend(c for c in reversed(list(n)) if c is not None)
            except Exception:
                pass

    def find_all(self, match):
        return [n for n in self._walk(self.node) if match(n)]

    def wait_for(self, match, timeout=10):
        """The first visible node that match accepts, waiting up to timeout seconds."""
        deadline = time.monotonic() + timeout
        while True:
            for n in self._walk(self.node):
                try:
                    # GTK 4.8 sets SHOWING on the window only; VISIBLE is what
                    # it keeps up to date on widgets.
                    if match(n) and n.getState().contains(pyatspi.STATE_VISIBLE):
                        return n
                except Exception:
                    continue
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.2)

    @staticmethod
    def name_of(node):
        """The accessible name. GTK 4.8 appends a button's label text to its
        accessible label ("Add Add"); that repetition is folded here."""
        name = node.name or ''
        half = name[:len(name) // 2]
        if len(name) % 2 == 1 and name == f'{half} {half}':
            return half
        return name

    def find(self, role, name, timeout=10):
        """The first visible node with this role and name, or None."""
        return self.wait_for(lambda n: n.getRoleName() == role and self.name_of(n) == name,
                             timeout)

    def find_text(self, text, timeout=10):
        """A visible label whose text contains text, or None."""
        return self.wait_for(lambda n: n.getRoleName() == 'label' and text in (n.name or ''),
                             timeout)

    @staticmethod
    def click(node):
        """Press a widget through its action interface, as ci-recipe.md §5 says."""
        node.doActionNamed('click')

    @staticmethod
    def sensitive(node):
        return node.getState().contains(pyatspi.STATE_SENSITIVE)

    def close(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.own_home:
            shutil.rmtree(self.home, ignore_errors=True)
