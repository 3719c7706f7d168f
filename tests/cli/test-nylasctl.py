#!/usr/bin/python3
# test-nylasctl.py: the cli suite. Runs the built nylasctl against the sandbox (in-process with
# --sandbox, or served with `nylasctl sandbox serve --json`), in a throw-away HOME, inside the
# private D-Bus + gnome-keyring session of the suite. Checks every command's JSON output and exit
# code, the failure modes of design.md §6, that destructive commands need --yes when stdin is not
# a terminal, and at the end that no secret reached the HOME, an argv, or an output (other than
# the one output that creates it).
#
# Usage: test-nylasctl.py NYLASCTL. TAP on stdout; exit 77 (skip) without a session bus.

import hashlib
import hmac
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

NYLASCTL = sys.argv[1]
TIMEOUT = 60 if 'ASAN_OPTIONS' in os.environ else 30

# Every run, for the final scans: (argv, stdout, stderr).
RUNS = []
# Secrets given to nylasctl (stdin, files): never in any output, argv or file under HOME.
INPUT_SECRETS = set()
# Secrets nylasctl created and printed: in exactly one stdout, never anywhere else.
CREATED_SECRETS = set()

TMP = tempfile.mkdtemp(prefix='nylasctl-test-')
HOME = os.path.join(TMP, 'home')
OUTSIDE = os.path.join(TMP, 'outside')   # test inputs and the runtime dir: not scanned
RUNTIME = os.path.join(TMP, 'runtime')
for d in (HOME, OUTSIDE, RUNTIME):
    os.makedirs(d, mode=0o700)

ENV = dict(os.environ)
ENV.update({
    'HOME': HOME,
    'XDG_CONFIG_HOME': os.path.join(HOME, '.config'),
    'XDG_STATE_HOME': os.path.join(HOME, '.local', 'state'),
    'XDG_DATA_HOME': os.path.join(HOME, '.local', 'share'),
    'XDG_CACHE_HOME': os.path.join(HOME, '.cache'),
    'XDG_RUNTIME_DIR': RUNTIME,
    'LC_ALL': 'C.UTF-8',
    'LANGUAGE': 'C',
})
ENV.pop('NYL_SANDBOX_FAULTS', None)
ENV.pop('G_MESSAGES_DEBUG', None)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def describe(p):
    return '\n  stdout: %s\n  stderr: %s' % (p.stdout[-2000:], p.stderr[-2000:])


def run(*args, stdin='', env=None, expect=0):
    """Runs nylasctl; stdin is always a pipe (never a terminal)."""
    argv = [NYLASCTL] + list(args)
    full_env = dict(ENV)
    if env:
        full_env.update(env)
    p = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=full_env,
                       timeout=TIMEOUT)
    RUNS.append((argv, p.stdout, p.stderr))
    if expect is not None:
        check(p.returncode == expect,
              '%s: exit %d, expected %d%s' % (' '.join(args), p.returncode, expect, describe(p)))
    return p


def js(*args, stdin='', env=None, expect=0):
    p = run('--json', *args, stdin=stdin, env=env, expect=expect)
    try:
        return json.loads(p.stdout)
    except ValueError as e:
        raise Failure('%s: stdout is not JSON (%s)%s' % (' '.join(args), e, describe(p)))


# Background processes, killed whatever happens.
CHILDREN = []


def spawn(argv, stdin=subprocess.DEVNULL):
    # stderr goes to a file: nobody reads it while the process runs.
    err = tempfile.TemporaryFile(mode='w+', dir=OUTSIDE)
    process = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=err, text=True,
                               env=ENV)
    process.err_file = err
    CHILDREN.append(process)
    return process


def read_err(process):
    process.err_file.seek(0)
    return process.err_file.read()


class Sandbox:
    """`nylasctl sandbox serve --json` on a free port."""

    def __init__(self, *extra):
        argv = [NYLASCTL, 'sandbox', 'serve', '--json'] + list(extra)
        RUNS.append((argv, '', ''))
        self.process = spawn(argv)
        line = self.process.stdout.readline()
        check(line, 'sandbox serve printed nothing: %s' % read_err(self.process))
        self.info = json.loads(line)
        RUNS.append((argv, line, ''))
        self.url = self.info['api_url']
        self.api_key = self.info['api_key']
        self.application_id = self.info['application_id']
        # The sandbox's key is printed once, by `sandbox serve`; from there it goes through stdin.
        CREATED_SECRETS.add(self.api_key)
        with open(self.info['service_account_file']) as f:
            self.service_account_json = f.read()
        account = json.loads(self.service_account_json)
        # The private key's body lines: distinctive, unlike its header.
        for line in account['private_key'].splitlines():
            if len(line) > 40 and 'PRIVATE KEY' not in line:
                INPUT_SECRETS.add(line)

    def faults(self, **faults):
        request = urllib.request.Request(self.url + '/__sandbox/faults',
                                         data=json.dumps(faults).encode(), method='POST',
                                         headers={'Content-Type': 'application/json'})
        urllib.request.urlopen(request, timeout=10).read()

    def clear_faults(self):
        request = urllib.request.Request(self.url + '/__sandbox/faults', method='DELETE')
        urllib.request.urlopen(request, timeout=10).read()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            rc = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            rc = -1
        RUNS.append((self.process.args, self.process.stdout.read(), read_err(self.process)))
        return rc


class Listener:
    """`nylasctl webhooks listen` in the background."""

    def __init__(self, *args, stdin=None):
        argv = [NYLASCTL, 'webhooks', 'listen'] + list(args)
        RUNS.append((argv, '', ''))
        self.process = spawn(argv, stdin=subprocess.PIPE)
        if stdin is not None:
            self.process.stdin.write(stdin)
        self.process.stdin.close()
        self.process.stdin = None
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = re.search(r'Listening on (http://127\.0\.0\.1:(\d+)/)', read_err(self.process))
            if m:
                self.url = m.group(1)
                self.port = int(m.group(2))
                break
            check(self.process.poll() is None and time.monotonic() < deadline,
                  'webhooks listen did not start: %s' % read_err(self.process))
            time.sleep(0.02)

    def finish(self, terminate=False):
        if terminate:
            self.process.send_signal(signal.SIGTERM)
        try:
            out, _ = self.process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise Failure('webhooks listen did not stop: %s' % read_err(self.process))
        self.stdout = out
        self.stderr = read_err(self.process)
        RUNS.append((self.process.args, out, self.stderr))
        return self.process.returncode


def post(url, body, headers):
    request = urllib.request.Request(url, data=body, method='POST', headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def sign(body, secret):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def outside_file(name, content):
    path = os.path.join(OUTSIDE, name)
    with open(path, 'w') as f:
        f.write(content)
    return path


# ----------------------------------------------------------------------------- the tests

GROUPS = {
    'profiles': ['list', 'show', 'add', 'remove', 'default'],
    'app': ['show', 'update'],
    'redirect-uris': ['list', 'add', 'update', 'delete'],
    'keys': ['list', 'show', 'create', 'revoke', 'roll', 'rotate'],
    'grants': ['list', 'show', 'delete', 'stats', 'export', 'reauth-url'],
    'connectors': ['list', 'show', 'create', 'update', 'delete'],
    'credentials': ['list', 'show', 'create', 'update', 'delete'],
    'webhooks': ['list', 'show', 'triggers', 'create', 'update', 'pause', 'resume', 'delete',
                 'rotate-secret', 'send-test', 'mock-payload', 'ip-addresses', 'listen', 'verify'],
    'domains': ['list', 'show', 'create', 'delete', 'info', 'verify'],
    'auth': ['url', 'revoke-token'],
    'audit': ['list'],
}


def test_usage():
    p = run('--help')
    for group in GROUPS:
        check(group in p.stdout, '--help does not list %s' % group)
    check('Exit status' in p.stdout, '--help does not explain the exit codes')
    run(expect=2)
    run('frobnicate', expect=2)
    run('--frobnicate', 'app', 'show', expect=2)
    check(run('--version').stdout.startswith('nylasctl '), '--version')
    for group, subcommands in GROUPS.items():
        p = run(group, '--help')
        for sub in subcommands:
            check(sub in p.stdout, '%s --help does not list %s' % (group, sub))
            h = run(group, sub, '--help')
            check('Usage:' in h.stdout and '--json' in h.stdout,
                  '%s %s --help%s' % (group, sub, describe(h)))
        run(group, expect=2)
        run(group, 'no-such-command', expect=2)
    run('help', 'keys')
    run('keys', 'list', '--no-such-option', expect=2)
    run('--sandbox', '--profile', 'x', 'app', 'show', expect=2)


def test_sandbox_reads():
    """Every read-only command against the in-process sandbox, with --json."""
    app = js('--sandbox', 'app', 'show')
    check(re.fullmatch(r'[0-9a-f-]{36}', app['application_id']), 'application_id')
    check(app['region'] == 'us' and 'branding' in app, 'app show: %s' % app)
    p = run('--sandbox', 'app', 'show')
    check('(simulated)' in p.stdout and 'simulated' in p.stderr, 'the sandbox is not labelled')

    uris = js('--sandbox', 'redirect-uris', 'list')
    check(isinstance(uris, list) and len(uris) > 0 and 'url' in uris[0] and 'platform' in uris[0],
          'redirect-uris list: %s' % uris)

    keys = js('--sandbox', 'keys', 'list')
    check(isinstance(keys, list) and len(keys) >= 1, 'keys list')
    for key in keys:
        check('api_key' not in key and {'id', 'name', 'status', 'expires_at'} <= set(key),
              'keys list item: %s' % key)
    key = js('--sandbox', 'keys', 'show', keys[0]['id'])
    check(key['id'] == keys[0]['id'], 'keys show')

    grants = js('--sandbox', 'grants', 'list', '--limit', '7')
    check(len(grants) == 7 and all('grant_status' in g for g in grants), 'grants list --limit')
    invalid = js('--sandbox', 'grants', 'list', '--status', 'invalid', '--all')
    check(invalid and all(g['grant_status'] == 'invalid' for g in invalid), 'grants --status')
    google = js('--sandbox', 'grants', 'list', '--provider', 'google', '--limit', '500')
    check(google and all(g['provider'] == 'google' for g in google), 'grants --provider')
    stats = js('--sandbox', 'grants', 'stats')
    check(set(stats) == {'total', 'by_status', 'by_provider'}, 'grants stats shape: %s' % stats)
    check(sum(stats['by_status'].values()) == stats['total'] ==
          sum(stats['by_provider'].values()), 'grants stats sums')
    check(stats['by_status']['invalid'] == len(invalid), 'stats vs --status invalid')
    check(stats['by_provider']['google'] == len(google), 'stats vs --provider google')
    one = js('--sandbox', 'grants', 'list', '--limit', '1', '--email', grants[3]['email'])
    check(len(one) == 1 and one[0]['id'] == grants[3]['id'], 'grants --email')
    newest = grants[0]['created_at']
    later = js('--sandbox', 'grants', 'list', '--all', '--since', str(newest))
    check(all(g['created_at'] >= newest for g in later) and later, 'grants --since')
    iso = time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(newest - 1))
    earlier = js('--sandbox', 'grants', 'list', '--limit', '3', '--before', iso)
    check(all(g['created_at'] <= newest - 1 for g in earlier), 'grants --before ISO 8601')
    grant = js('--sandbox', 'grants', 'show', grants[0]['id'])
    check(grant['id'] == grants[0]['id'] and grant['email'] == grants[0]['email'], 'grants show')
    url = js('--sandbox', 'grants', 'reauth-url', grants[0]['id'])
    check('login_hint=' in url['url'] and app['application_id'] in url['url'], 'reauth-url')

    webhooks = js('--sandbox', 'webhooks', 'list')
    check(webhooks and all('webhook_secret' not in w for w in webhooks), 'webhooks list')
    check(js('--sandbox', 'webhooks', 'show', webhooks[0]['id'])['id'] == webhooks[0]['id'],
          'webhooks show')
    triggers = js('webhooks', 'triggers')
    check('grant.created' in triggers and 'message.created' in triggers, 'webhooks triggers')
    payload = js('--sandbox', 'webhooks', 'mock-payload', 'grant.created')
    check(payload.get('type') == 'grant.created', 'mock-payload: %s' % payload)
    ips = js('--sandbox', 'webhooks', 'ip-addresses')
    check(isinstance(ips.get('ip_addresses'), list), 'ip-addresses: %s' % ips)

    connectors = js('--sandbox', 'connectors', 'list')
    providers = [c['provider'] for c in connectors]
    check('google' in providers, 'connectors list: %s' % providers)
    check(js('--sandbox', 'connectors', 'show', 'google')['provider'] == 'google',
          'connectors show')
    creds = js('--sandbox', 'credentials', 'list', 'google')
    check(creds and 'credential_data' not in creds[0], 'credentials list')
    check(js('--sandbox', 'credentials', 'show', 'google', creds[0]['id'])['id'] ==
          creds[0]['id'], 'credentials show')

    domains = js('--sandbox', 'domains', 'list')
    check(domains and 'domain_address' in domains[0], 'domains list')
    check(js('--sandbox', 'domains', 'show', domains[0]['id'])['id'] == domains[0]['id'],
          'domains show')

    auth = js('--sandbox', 'auth', 'url', '--provider', 'google', '--scope', 'email',
              '--login-hint', 'a@example.com', '--state', 'xyz', '--pkce')
    check('code_challenge=' in auth['url'] and 'state=xyz' in auth['url'] and
          auth['code_verifier'], 'auth url --pkce: %s' % auth)
    check(js('--sandbox', 'auth', 'revoke-token', stdin='not-a-real-token\n')['revoked'],
          'auth revoke-token')

    # Human output is a table with a header line.
    p = run('--sandbox', 'grants', 'list', '--limit', '3')
    check(p.stdout.splitlines()[0].split()[:2] == ['ID', 'EMAIL'] and
          len(p.stdout.splitlines()) == 4, 'grants list table%s' % describe(p))


def test_sandbox_changes():
    """Changes through --sandbox, each starting from fresh sample data."""
    uri = js('--sandbox', 'redirect-uris', 'add', '--url', 'https://example.com/cb',
             '--platform', 'ios', '--bundle-id', 'com.example.app')
    check(uri['platform'] == 'ios' and uri['settings']['bundle_id'] == 'com.example.app',
          'redirect-uris add: %s' % uri)
    app = js('--sandbox', 'app', 'update', '--branding-name', 'Renamed app', '--website-url',
             'https://renamed.example')
    check(app['branding']['name'] == 'Renamed app' and
          app['branding']['website_url'] == 'https://renamed.example' and
          app['branding'].get('description'), 'app update keeps the other branding: %s' % app)
    domain = js('--sandbox', 'domains', 'create', '--name', 'Mail', '--address',
                'mail.test.example')
    check(domain['domain_address'] == 'mail.test.example', 'domains create')
    domains = js('--sandbox', 'domains', 'list')
    info = js('--sandbox', 'domains', 'info', domains[0]['id'], '--type', 'spf')
    check(info['attempt']['type'] == 'spf', 'domains info: %s' % info)
    verify = js('--sandbox', 'domains', 'verify', domains[0]['id'], '--type', 'mx')
    check(verify['status'] in ('pending', 'done', 'failed'), 'domains verify')
    # The audit log of simulated changes is kept apart from the real one.
    audit = js('--sandbox', 'audit', 'list')
    check(any(e['action'] == 'create' and e['object_type'] == 'domain' for e in audit),
          'sandbox audit: %s' % audit)
    check(all(e['object_type'] != 'domain' for e in js('audit', 'list')),
          'sandbox changes in the real audit log')


def test_failure_modes():
    # 429 after the client's retries: exit 5.
    run('--sandbox', 'app', 'show', env={'NYL_SANDBOX_FAULTS': 'rate_limit_burst=20,retry_after=0'},
        expect=5)
    # 500: exit 1, with the request ID.
    p = run('--sandbox', 'grants', 'list', env={'NYL_SANDBOX_FAULTS': 'error_count=1'}, expect=1)
    check('request ID' in p.stderr, 'no request ID in %s' % p.stderr)
    # Malformed JSON: exit 1, no crash.
    run('--sandbox', 'webhooks', 'list', env={'NYL_SANDBOX_FAULTS': 'malformed_count=1'},
        expect=1)
    run('--sandbox', 'grants', 'list', '--all', env={'NYL_SANDBOX_FAULTS': 'truncated_count=1'},
        expect=1)
    # 404: exit 4.
    run('--sandbox', 'grants', 'show', '00000000-0000-4000-8000-000000000000', expect=4)
    run('--sandbox', 'webhooks', 'show', 'nope', expect=4)
    run('--sandbox', 'connectors', 'show', 'yahoo', expect=4)
    # Invalid input: exit 2, and nothing is sent.
    for args in (['grants', 'list', '--status', 'bogus'],
                 ['grants', 'list', '--since', 'yesterday'],
                 ['grants', 'list', '--limit', '0'],
                 ['grants', 'list', '--limit', '5', '--all'],
                 ['redirect-uris', 'add', '--url', 'http://example.com/cb'],
                 ['redirect-uris', 'add', '--url', 'https://example.com/cb', '--platform', 'tv'],
                 ['redirect-uris', 'add', '--url', 'https://x.example', '--platform', 'android',
                  '--package-name', 'p', '--sha1-fingerprint', 'not-hex'],
                 ['keys', 'create', '--name', 'k', '--expires-in', '-3'],
                 ['keys', 'create', '--name', 'k'],
                 ['keys', 'roll', 'x', '--revoke-old', 'soonish'],
                 ['webhooks', 'create', '--url', 'https://x.example', '--trigger', 'no.such'],
                 ['webhooks', 'create', '--url', 'http://x.example', '--trigger', 'grant.created'],
                 ['webhooks', 'listen', '--forward', 'http://example.com/'],
                 ['connectors', 'create', 'google', '--client-id', 'x'],
                 ['connectors', 'show', 'myspace'],
                 ['credentials', 'create', 'google', '--name', 'n', '--type', 'weird',
                  '--data-file', '/dev/null'],
                 ['domains', 'info', 'x', '--type', 'nope'],
                 ['app', 'update'],
                 ['grants', 'show'],
                 ['grants', 'show', 'a', 'b'],
                 ['auth', 'revoke-token']):
        run('--sandbox', *args, expect=2)
    # A secret is never taken from an argument.
    run('--sandbox', 'connectors', 'create', 'zoom', '--client-id', 'x', '--client-secret', 's',
        expect=2)
    run('profiles', 'add', 'p', '--api-key', 'nyk_inline', expect=2)
    # Missing secret: a webhook with no secret in the keyring.
    p = run('--sandbox', 'webhooks', 'verify', '--signature', '0' * 64, '--webhook',
            'no-such-webhook', outside_file('body.json', '{}'), expect=3)
    check('secret' in p.stderr, p.stderr)
    # Nothing to use: no profile at all.
    run('app', 'show', expect=3)
    run('--profile', 'ghost', 'app', 'show', expect=2)
    run('--api-url', 'http://example.com', '--profile', 'ghost', 'app', 'show', expect=2)


def test_profiles_and_changes():
    sandbox = Sandbox('--grants', '300')
    try:
        profile_flow(sandbox)
    finally:
        check(sandbox.stop() == 0, 'sandbox serve did not exit cleanly')


def profile_flow(sb):
    # --- profiles ------------------------------------------------------------------------
    added = js('--api-url', sb.url, 'profiles', 'add', 'sbx', '--api-key-stdin',
               stdin=sb.api_key + '\n')
    check(added['name'] == 'sbx' and added['application_id'] == sb.application_id and
          added['default'], 'profiles add: %s' % added)
    run('--api-url', sb.url, 'profiles', 'add', 'sbx', '--api-key-stdin', stdin=sb.api_key,
        expect=2)
    run('--api-url', sb.url, 'profiles', 'add', 'bad', '--api-key-stdin',
        stdin='nyk_v0_not_a_key', expect=3)
    run('--api-url', sb.url, 'profiles', 'add', 'empty', '--api-key-stdin', stdin='', expect=2)
    sa_path = outside_file('service-account.json', sb.service_account_json)
    with_sa = js('--api-url', sb.url, 'profiles', 'add', 'admin', '--service-account', sa_path,
                 '--application-id', sb.application_id)
    check(with_sa['service_account']['key_id'] and not with_sa['default'],
          'profiles add --service-account: %s' % with_sa)
    both = js('--api-url', sb.url, 'profiles', 'add', 'both', '--api-key-stdin',
              '--service-account', sa_path, stdin=sb.api_key)
    check('service_account' in both, 'profiles add with a key and a Service Account')
    names = [p['name'] for p in js('profiles', 'list')]
    check(names == ['sbx', 'admin', 'both'], 'profiles list: %s' % names)
    check(js('profiles', 'show', 'admin')['name'] == 'admin', 'profiles show')
    run('profiles', 'show', 'nobody', expect=2)
    check(js('profiles', 'default', 'admin')['default'], 'profiles default')
    check(js('profiles', 'list')[1]['default'], 'the default moved')
    # Without --yes and without a terminal: refused, nothing removed.
    p = run('profiles', 'remove', 'both', expect=2)
    check('--yes' in p.stderr, 'the refusal does not name --yes: %s' % p.stderr)
    check('both' in [p['name'] for p in js('profiles', 'list')], 'removed without --yes')
    check(js('--yes', 'profiles', 'remove', 'both')['removed'], 'profiles remove')
    check('both' not in [p['name'] for p in js('profiles', 'list')], 'still listed')
    # No Service Account: the admin API is refused with exit 3.
    run('--profile', 'sbx', 'keys', 'list', expect=3)
    run('--profile', 'sbx', 'domains', 'list', expect=3)

    S = ['--profile', 'admin']
    # The per-call API URL: nobody listening there is a network failure.
    run(*S, '--api-url', 'http://127.0.0.1:9', 'app', 'show', expect=6)
    run(*S, '--api-url', 'http://example.com', 'app', 'show', expect=2)

    # --- app and redirect URIs -------------------------------------------------------------
    check(js(*S, 'app', 'update', '--description', 'Changed')['branding']['description'] ==
          'Changed', 'app update')
    check(js(*S, 'app', 'show')['branding']['description'] == 'Changed', 'app update kept')
    uri = js(*S, 'redirect-uris', 'add', '--url', 'https://cb.example/one', '--platform', 'js',
             '--origin', 'cb.example')
    uri = js(*S, 'redirect-uris', 'update', uri['id'], '--url', 'https://cb.example/two')
    check(uri['url'] == 'https://cb.example/two' and uri['settings']['origin'] == 'cb.example',
          'redirect-uris update: %s' % uri)
    android = js(*S, 'redirect-uris', 'add', '--url', 'com.example://cb', '--platform', 'android',
                 '--package-name', 'com.example', '--sha1-fingerprint', 'ab' * 20)
    check(android['settings']['sha1_certificate_fingerprint'] == ':'.join(['AB'] * 20),
          'the fingerprint is normalized: %s' % android)
    run(*S, 'redirect-uris', 'delete', uri['id'], expect=2)
    check(uri['id'] in [u['id'] for u in js(*S, 'redirect-uris', 'list')], 'deleted without --yes')
    check(js(*S, '--yes', 'redirect-uris', 'delete', uri['id'])['deleted'], 'redirect-uris delete')
    check(uri['id'] not in [u['id'] for u in js(*S, 'redirect-uris', 'list')], 'not deleted')
    run(*S, 'redirect-uris', 'update', uri['id'], '--url', 'https://x.example', expect=4)

    # --- API keys ----------------------------------------------------------------------------
    keys = js(*S, 'keys', 'list')
    created = js(*S, 'keys', 'create', '--name', 'ci', '--expires-in', '30')
    check(created['api_key'] and created['secret_stored'] and created['name'] == 'ci',
          'keys create: %s' % {k: v for k, v in created.items() if k != 'api_key'})
    CREATED_SECRETS.add(created['api_key'])
    days = (created['expires_at'] - created['created_at']) / 86400
    check(29.9 < days < 30.1, 'expires in %s days' % days)
    shown = js(*S, 'keys', 'show', created['id'])
    check('api_key' not in shown and shown['id'] == created['id'], 'keys show')
    check(len(js(*S, 'keys', 'list')) == len(keys) + 1, 'keys list after create')
    # The new key works as a profile's key (and it is the same key printed once).
    js('--api-url', sb.url, 'profiles', 'add', 'ci', '--api-key-stdin', stdin=created['api_key'])
    js('--profile', 'ci', 'app', 'show')
    # Roll with an immediate revocation: the old key is refused afterwards.
    rolled = js(*S, 'keys', 'roll', created['id'], '--revoke-old', 'now')
    check(rolled['stored'] and rolled['verified'] and rolled['old_key_revoked'] and
          rolled['step'] == 'revoked' and rolled['new_key']['api_key'], 'keys roll now')
    CREATED_SECRETS.add(rolled['new_key']['api_key'])
    check(29.9 < (rolled['new_key']['expires_at'] - rolled['new_key']['created_at']) / 86400 <
          30.1, 'the new key lives as long as the old one')
    run(*S, 'keys', 'show', created['id'], expect=4)
    run('--profile', 'ci', 'app', 'show', expect=3)      # 401: the key was revoked
    # Roll with a delayed revocation, then a later roll carries it out.
    later = js(*S, 'keys', 'roll', rolled['new_key']['id'], '--revoke-old', '1s',
               '--expires-in', '7')
    CREATED_SECRETS.add(later['new_key']['api_key'])
    check(later['step'] == 'revocation-scheduled' and later['revoke_at'] and
          not later['old_key_revoked'], 'keys roll --revoke-old 1s: %s' % later['step'])
    check(js(*S, 'keys', 'show', rolled['new_key']['id'])['id'], 'revoked too early')
    time.sleep(1.2)
    never = js(*S, 'keys', 'rotate', later['new_key']['id'])
    CREATED_SECRETS.add(never['new_key']['api_key'])
    check(never['due_revocations_done'] == 1 and never['step'] == 'verified' and
          not never['old_key_revoked'], 'due revocation: %s' % never['due_revocations_done'])
    run(*S, 'keys', 'show', rolled['new_key']['id'], expect=4)
    js(*S, 'keys', 'show', later['new_key']['id'])       # --revoke-old never (the default)
    # Roll the profile's own key (the one minted for it): the keyring copy follows, and the
    # profile keeps working although its old key is revoked.
    own = [k for k in keys if k['name'].startswith('Nylas Manager')]
    check(len(own) == 1, 'the minted key: %s' % [k['name'] for k in keys])
    mine = js(*S, 'keys', 'roll', own[0]['id'], '--revoke-old', 'now')
    CREATED_SECRETS.add(mine['new_key']['api_key'])
    check(mine['old_key_revoked'], 'own key roll')
    run(*S, 'keys', 'show', own[0]['id'], expect=4)
    js(*S, 'app', 'show')
    # The verification step fails: the new secret is still printed, the old key is not revoked.
    sb.faults(error_count=1, path_prefix='/v3/applications')
    p = run('--json', *S, 'keys', 'roll', never['new_key']['id'], '--revoke-old', 'now', expect=1)
    sb.clear_faults()
    stopped = json.loads(p.stdout)
    check(stopped['step'] == 'stored' and stopped['stored'] and not stopped['verified'] and
          not stopped['old_key_revoked'] and stopped['new_key']['api_key'] and stopped['error'],
          'a roll failing at verification: %s' % {k: v for k, v in stopped.items()
                                                   if k != 'new_key'})
    CREATED_SECRETS.add(stopped['new_key']['api_key'])
    check(js(*S, 'keys', 'show', never['new_key']['id'])['status'] == 'active',
          'the old key was touched by a failed roll')
    # Revoke needs --yes.
    run(*S, 'keys', 'revoke', never['new_key']['id'], expect=2)
    js(*S, 'keys', 'show', never['new_key']['id'])
    check(js(*S, '--yes', 'keys', 'revoke', never['new_key']['id'])['deleted'], 'keys revoke')
    run(*S, 'keys', 'show', never['new_key']['id'], expect=4)
    run(*S, 'keys', 'roll', never['new_key']['id'], expect=4)

    # --- grants --------------------------------------------------------------------------------
    stats = js(*S, 'grants', 'stats')
    check(stats['total'] == 300, 'grants stats total: %s' % stats['total'])
    everything = js(*S, 'grants', 'list', '--all')
    check(len(everything) == 300 and len({g['id'] for g in everything}) == 300, 'grants --all')
    csv_path = os.path.join(OUTSIDE, 'grants.csv')
    p = run(*S, 'grants', 'export', '--output', csv_path)
    with open(csv_path, newline='') as f:
        import csv
        rows = list(csv.reader(f))
    check(rows[0][:5] == ['id', 'email', 'name', 'provider', 'grant_status'], 'csv header')
    check(len(rows) == 301 and {r[0] for r in rows[1:]} == {g['id'] for g in everything},
          'csv rows: %d' % len(rows))
    check(os.stat(csv_path).st_mode & 0o077 == 0, 'the export is not private')
    p = run(*S, 'grants', 'export', '--status', 'invalid')
    check(len(p.stdout.splitlines()) == stats['by_status']['invalid'] + 1, 'export to stdout')
    victim = everything[5]
    run(*S, 'grants', 'delete', victim['id'], expect=2)
    js(*S, 'grants', 'show', victim['id'])
    check(js(*S, '--yes', 'grants', 'delete', victim['id'])['deleted'], 'grants delete')
    run(*S, 'grants', 'show', victim['id'], expect=4)
    check(js(*S, 'grants', 'stats')['total'] == 299, 'stats after delete')
    reauth = js(*S, 'grants', 'reauth-url', everything[0]['id'], '--redirect-uri',
                'https://app.example/cb')
    check('redirect_uri=https%3A%2F%2Fapp.example%2Fcb' in reauth['url'], 'reauth-url')

    # --- connectors and credentials -------------------------------------------------------------
    client_secret = 'zoom-client-secret-7f3a9c'
    INPUT_SECRETS.add(client_secret)
    zoom = js(*S, 'connectors', 'create', 'zoom', '--client-id', 'zoom-id',
              '--client-secret-stdin', stdin=client_secret + '\n')
    check(zoom['provider'] == 'zoom' and zoom['settings'].get('client_id') == 'zoom-id' and
          'client_secret' not in zoom['settings'], 'connectors create: %s' % zoom)
    renamed = js(*S, 'connectors', 'update', 'zoom', '--name', 'Zoom meetings')
    check(renamed['name'] == 'Zoom meetings', 'connectors update')
    run(*S, 'connectors', 'update', 'zoom', '--client-id', 'new', expect=2)
    run(*S, 'connectors', 'create', 'imap', '--client-id', 'x', expect=2)
    p = run(*S, 'connectors', 'delete', 'zoom', expect=2)
    check('--yes' in p.stderr and 'grant' in p.stderr, 'connector delete warning: %s' % p.stderr)
    js(*S, 'connectors', 'show', 'zoom')
    check(js(*S, '--yes', 'connectors', 'delete', 'zoom')['deleted'], 'connectors delete')
    run(*S, 'connectors', 'show', 'zoom', expect=4)

    data_secret = 'credential-secret-41bd0e'
    INPUT_SECRETS.add(data_secret)
    data = outside_file('cred.json', json.dumps({'client_id': 'cid', 'client_secret': data_secret,
                                                 'tenant': 'common'}))
    cred = js(*S, 'credentials', 'create', 'microsoft', '--name', 'Tenant A', '--type',
              'adminconsent', '--data-file', data)
    check(cred['name'] == 'Tenant A' and cred['credential_type'] == 'adminconsent',
          'credentials create: %s' % cred)
    cred2 = js(*S, 'credentials', 'update', 'microsoft', cred['id'], '--name', 'Tenant B',
               '--data-file', '-', stdin=json.dumps({'client_secret': data_secret, 'tenant': 'b'}))
    check(cred2['name'] == 'Tenant B', 'credentials update')
    run(*S, 'credentials', 'create', 'microsoft', '--name', 'x', '--type', 'adminconsent',
        '--data-file', outside_file('bad.json', '[1, 2'), expect=2)
    run(*S, 'credentials', 'delete', 'microsoft', cred['id'], expect=2)
    js(*S, 'credentials', 'show', 'microsoft', cred['id'])
    check(js(*S, '--yes', 'credentials', 'delete', 'microsoft', cred['id'])['deleted'],
          'credentials delete')
    run(*S, 'credentials', 'show', 'microsoft', cred['id'], expect=4)

    # --- domains --------------------------------------------------------------------------------
    domain = js(*S, 'domains', 'create', '--name', 'Outbound', '--address', 'out.example.org')
    run(*S, 'domains', 'delete', domain['id'], expect=2)
    js(*S, 'domains', 'show', domain['id'])
    check(js(*S, '--yes', 'domains', 'delete', domain['id'])['deleted'], 'domains delete')
    run(*S, 'domains', 'show', domain['id'], expect=4)

    # --- webhooks -------------------------------------------------------------------------------
    webhook_flow(sb, S, everything)

    # --- faults through the served sandbox ------------------------------------------------------
    sb.faults(rate_limit_burst=20, retry_after=0)
    run(*S, 'webhooks', 'list', expect=5)
    sb.clear_faults()
    sb.faults(error_count=1)
    p = run(*S, 'app', 'show', expect=1)
    check('request ID' in p.stderr, 'request ID for a 500: %s' % p.stderr)
    sb.faults(malformed_count=1)
    run(*S, 'keys', 'list', expect=1)
    sb.faults(error_count=1, path_prefix='/v3/grants')
    p = run(*S, 'grants', 'list', '--all', expect=1)
    check(p.stdout.strip() == '[]' or p.stdout.strip() == '', 'partial output: %s' % p.stdout)
    sb.clear_faults()
    js(*S, 'app', 'show')

    # Missing secret: the keyring lost the profile's key.
    clear = shutil.which('secret-tool')
    if clear:
        profile_id = js('profiles', 'show', 'ci')['id']
        subprocess.run([clear, 'clear', 'profile', profile_id, 'kind', 'api-key'], env=ENV,
                       check=True, timeout=TIMEOUT)
        p = run('--profile', 'ci', 'app', 'show', expect=3)
        check('keyring' in p.stderr.lower() or 'key' in p.stderr, p.stderr)

    # --- audit ------------------------------------------------------------------------------------
    audit = js('audit', 'list', '--profile', 'admin')
    actions = {(e['action'], e['object_type']) for e in audit}
    for expected in [('create', 'api-key'), ('revoke', 'api-key'), ('delete', 'grant'),
                     ('create', 'webhook'), ('rotate', 'webhook'), ('delete', 'connector'),
                     ('update', 'application'), ('delete', 'redirect-uri')]:
        check(expected in actions, 'audit lacks %s: %s' % (expected, sorted(actions)))
    check(all(e['profile'] == 'admin' for e in audit), 'audit --profile filters')
    check(all(e.get('request_id') for e in audit if e['outcome'] == 'ok'),
          'audit entries without a request ID: %s' %
          [e for e in audit if e['outcome'] == 'ok' and not e.get('request_id')])
    check(js('audit', 'list', '--since', '2100-01-01') == [], 'audit --since')
    run('audit', 'list', '--since', 'tomorrow', expect=2)
    p = run('audit', 'list')
    check(p.stdout.splitlines()[0].startswith('TIME'), 'audit table')


def webhook_flow(sb, S, grants):
    # A receiver answers the challenge the sandbox sends on create.
    first = Listener('--json')
    created = js(*S, 'webhooks', 'create', '--url', first.url + 'nylas', '--trigger',
                 'grant.deleted', '--trigger', 'grant.updated', '--description', 'test hook',
                 '--notify', 'ops@example.com')
    check(first.finish(terminate=True) == 0, 'listen exit status')
    check('challenge' in first.stderr, 'the challenge was not answered: %s' % first.stderr)
    check(created['webhook_secret'] and created['secret_stored'] and
          created['trigger_types'] == ['grant.deleted', 'grant.updated'], 'webhooks create')
    CREATED_SECRETS.add(created['webhook_secret'])
    wid = created['id']
    shown = js(*S, 'webhooks', 'show', wid)
    check('webhook_secret' not in shown and shown['description'] == 'test hook', 'webhooks show')

    # A receiver with the keyring's secret verifies a real delivery; moving the webhook to it is
    # checked with a challenge too.
    second = Listener('--webhook', wid, '--count', '1', '--json', *S)
    moved = js(*S, 'webhooks', 'update', wid, '--url', second.url)
    check(moved['webhook_url'] == second.url, 'webhooks update')
    js(*S, '--yes', 'grants', 'delete', grants[10]['id'])
    check(second.finish() == 0, 'a verified delivery: %s' % second.stderr)
    line = json.loads(second.stdout.splitlines()[0])
    check(line['verified'] and line['type'] == 'grant.deleted' and line['id'] and
          line['secret'] and 'keyring' in line['secret'], 'delivery line: %s' % line)

    # Rotation: the old secret no longer verifies, the new one (from the keyring) does.
    run(*S, 'webhooks', 'rotate-secret', wid, expect=2)
    rotated = js(*S, '--yes', 'webhooks', 'rotate-secret', wid)
    check(rotated['webhook_secret'] and rotated['webhook_secret'] != created['webhook_secret'] and
          rotated['secret_stored'], 'rotate-secret')
    CREATED_SECRETS.add(rotated['webhook_secret'])
    body = outside_file('delivery.json', '{"type":"grant.updated","id":"n1"}')
    signature = sign(b'{"type":"grant.updated","id":"n1"}', rotated['webhook_secret'])
    check(js(*S, 'webhooks', 'verify', '--signature', signature, '--webhook', wid,
             body)['verified'], 'verify with the keyring secret')
    p = run(*S, 'webhooks', 'verify', '--signature', signature, '--secret-stdin', body,
            stdin=created['webhook_secret'] + '\n', expect=1)
    check('verified=false' in p.stdout, 'the old secret verified: %s' % p.stdout)
    both = js(*S, 'webhooks', 'verify', '--signature', signature, '--secret-stdin', body,
              stdin=created['webhook_secret'] + '\n' + rotated['webhook_secret'] + '\n')
    check(both['verified'] and both['matched_secret'] == 1, 'old and new secrets: %s' % both)
    with open(body, 'rb') as f:
        run(*S, 'webhooks', 'verify', '--signature', 'xyz', '--webhook', wid,
            stdin=f.read().decode(), expect=2)

    # The receiver keeps running whatever arrives, and says why a delivery failed.
    third = Listener('--webhook', wid, '--count', '3', *S)
    post(third.url + 'x', b'not json', {'Content-Type': 'text/plain'})
    post(third.url, b'{"type":"grant.updated"}', {'X-Nylas-Signature': '0' * 64})
    payload = b'{"type":"grant.updated","id":"n2"}'
    post(third.url + 'deep/path?q=1', payload,
         {'X-Nylas-Signature': sign(payload, rotated['webhook_secret'])})
    check(third.finish() == 1, 'listen --count with unverified deliveries must exit 1')
    lines = third.stdout.splitlines()
    check(len(lines) == 3 and 'verified=false' in lines[0] and 'x-nylas-signature' in lines[0] and
          'verified=false' in lines[1] and 'does not match' in lines[1] and
          'verified=true' in lines[2] and 'n2' in lines[2], 'listen lines: %s' % lines)

    # A test event, signed with the fixed test secret, forwarded on once verified.
    target = Listener('--secret-stdin', '--count', '1', '--json', stdin='mock-webhook-secret\n')
    relay = Listener('--secret-stdin', '--count', '1', '--forward', target.url + 'fwd',
                     stdin='mock-webhook-secret\n')
    sent = js(*S, 'webhooks', 'send-test', '--trigger', 'grant.created', '--url', relay.url)
    check(sent['sent'], 'send-test')
    check(relay.finish() == 0, 'relay: %s' % relay.stderr)
    check('Forwarded' in relay.stderr and 'HTTP 200' in relay.stderr, relay.stderr)
    check(target.finish() == 0, 'target: %s' % target.stderr)
    forwarded = json.loads(target.stdout)
    check(forwarded['verified'] and forwarded['path'] == '/fwd' and
          forwarded['type'] == 'grant.created', 'forwarded: %s' % forwarded)

    # Pause, resume, delete.
    check(js(*S, 'webhooks', 'pause', wid)['status'] == 'pause', 'webhooks pause')
    resume_to = Listener()
    js(*S, 'webhooks', 'update', wid, '--url', resume_to.url)
    check(js(*S, 'webhooks', 'resume', wid)['status'] == 'active', 'webhooks resume')
    resume_to.finish(terminate=True)
    run(*S, 'webhooks', 'delete', wid, expect=2)
    js(*S, 'webhooks', 'show', wid)
    check(js(*S, '--yes', 'webhooks', 'delete', wid)['deleted'], 'webhooks delete')
    run(*S, 'webhooks', 'show', wid, expect=4)
    # Its secret left the keyring with it.
    run(*S, 'webhooks', 'verify', '--signature', signature, '--webhook', wid, body, expect=3)


def test_confirmation_needs_yes():
    """Every destructive command refuses without --yes when stdin is not a terminal."""
    webhook = js('--sandbox', 'webhooks', 'list')[0]['id']
    grant = js('--sandbox', 'grants', 'list', '--limit', '1')[0]['id']
    key = js('--sandbox', 'keys', 'list')[0]['id']
    uri = js('--sandbox', 'redirect-uris', 'list')[0]['id']
    cred = js('--sandbox', 'credentials', 'list', 'google')[0]['id']
    domain = js('--sandbox', 'domains', 'list')[0]['id']
    for args in (['webhooks', 'delete', webhook], ['webhooks', 'rotate-secret', webhook],
                 ['grants', 'delete', grant], ['keys', 'revoke', key],
                 ['redirect-uris', 'delete', uri], ['connectors', 'delete', 'google'],
                 ['credentials', 'delete', 'google', cred], ['domains', 'delete', domain]):
        p = run('--sandbox', *args, expect=2)
        check('--yes' in p.stderr, '%s: the refusal does not name --yes' % args)
        check(p.stdout == '', '%s printed %r' % (args, p.stdout))
        p = run('--sandbox', '--yes', *args, expect=0)


def run_on_terminal(args, answer, prompt):
    """Runs nylasctl with a pseudo-terminal as stdin, typing @answer once @prompt is shown."""
    import pty
    import select
    master, slave = pty.openpty()
    argv = [NYLASCTL] + list(args)
    p = subprocess.Popen(argv, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=ENV)
    os.close(slave)
    echoed = b''
    shown = b''
    deadline = time.monotonic() + TIMEOUT
    while prompt.encode() not in shown:
        check(time.monotonic() < deadline and p.poll() is None,
              'no prompt %r: %r' % (prompt, shown))
        if select.select([p.stderr], [], [], 0.1)[0]:
            shown += os.read(p.stderr.fileno(), 4096)
    os.write(master, answer.encode())
    try:
        out, err = p.communicate(timeout=TIMEOUT)
        out = out.decode()
        err = (shown + err).decode()
    finally:
        while select.select([master], [], [], 0.1)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            echoed += chunk
        os.close(master)
    RUNS.append((argv, out, err))
    return p.returncode, out, err, echoed.decode(errors='replace')


def test_terminal():
    """On a terminal: destructive commands ask, and a secret is read without echo."""
    uri = js('--sandbox', 'redirect-uris', 'list')[0]['id']
    rc, out, err, _ = run_on_terminal(['--sandbox', 'redirect-uris', 'delete', uri], 'n\n',
                                      '[y/N]')
    check(rc == 1 and '[y/N]' in err and 'Cancelled' in err and out == '',
          'declined: %d %r %r' % (rc, out, err))
    rc, out, err, _ = run_on_terminal(['--sandbox', '--json', 'redirect-uris', 'delete', uri],
                                      'y\n', '[y/N]')
    check(rc == 0 and json.loads(out)['deleted'], 'confirmed: %d %r %r' % (rc, out, err))
    token = 'typed-token-5c1e77'
    INPUT_SECRETS.add(token)
    rc, out, err, echoed = run_on_terminal(['--sandbox', 'auth', 'revoke-token'], token + '\n',
                                           'Access token:')
    check(rc == 0 and 'Access token:' in err, 'revoke-token on a terminal: %d %r' % (rc, err))
    check(token not in echoed, 'the secret was echoed on the terminal')


def test_no_secret_leaked():
    """After everything: no secret in HOME, in any argv, or in any output but its own."""
    check(INPUT_SECRETS and CREATED_SECRETS, 'no secrets were collected')
    scanned = set()
    for root, _, files in os.walk(HOME):
        for name in files:
            path = os.path.join(root, name)
            scanned.add(name)
            if os.path.islink(path):
                continue
            with open(path, 'rb') as f:
                data = f.read()
            for secret in INPUT_SECRETS | CREATED_SECRETS:
                check(secret.encode() not in data, 'a secret is in %s' % path)
    check({'profiles.json', 'audit.log', 'pending-revocations.json'} <= scanned,
          'the HOME scan missed the files nylasctl writes: %s' % sorted(scanned))
    for argv, out, err in RUNS:
        joined = '\0'.join(argv)
        for secret in INPUT_SECRETS | CREATED_SECRETS:
            check(secret not in joined, 'a secret is in the argv %s' % argv[:4])
            check(secret not in err, 'a secret is on the stderr of %s' % argv[:4])
        for secret in INPUT_SECRETS:
            check(secret not in out, 'a given secret is on the stdout of %s' % argv[:4])
    for secret in CREATED_SECRETS:
        n = sum(out.count(secret) for _, out, _ in RUNS)
        check(n == 1, 'a created secret was printed %d times' % n)


TESTS = [test_usage, test_sandbox_reads, test_sandbox_changes, test_failure_modes,
         test_profiles_and_changes, test_confirmation_needs_yes, test_terminal,
         test_no_secret_leaked]


def main():
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        print('1..0 # SKIP no session bus (the cli suite runs in the keyring session)')
        return 77
    failed = 0
    only = os.environ.get('NYL_TEST_ONLY')
    tests = [t for t in TESTS if not only or t.__name__ in only.split(',')]
    print('1..%d' % len(tests), flush=True)
    try:
        for i, test in enumerate(tests, 1):
            start = time.monotonic()
            try:
                test()
                print('ok %d - %s (%.1f s)' % (i, test.__name__, time.monotonic() - start),
                      flush=True)
            except Exception as e:
                failed += 1
                print('not ok %d - %s' % (i, test.__name__), flush=True)
                for line in (str(e) + '\n' + traceback.format_exc()).splitlines():
                    print('# ' + line, flush=True)
    finally:
        for child in CHILDREN:
            if child.poll() is None:
                child.kill()
                child.wait()
        shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
