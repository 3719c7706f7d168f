#!/usr/bin/env python3
# bench-nylasctl-grants.py NYLASCTL [--grants N] [--runs N]
#
# Measures `nylasctl grants list --all --json` over every grant of a served
# sandbox (wall time and peak RSS of the nylasctl process), and fetches the
# very same pages with one curl process in the same run, for comparison.
# Needs a session bus with an unlocked keyring (the profile's API key lives
# there): run it through `./build-aux/dev bench`, which provides both.
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_measured(argv, env, stdin=None):
    """Runs argv to completion; returns (seconds, peak RSS in MiB, stdout bytes).
    Peak RSS is measured by /usr/bin/time around the command: a child forked
    from this (large) Python process would inherit its high-water mark."""
    rss_file = tempfile.NamedTemporaryFile(prefix='nyl-rss-', delete=False)
    rss_file.close()
    start = time.monotonic()
    proc = subprocess.Popen(['/usr/bin/time', '-f', '%M', '-o', rss_file.name, *argv], env=env, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if stdin:
        proc.stdin.write(stdin)
        proc.stdin.close()
    out = proc.stdout.read()
    err = proc.stderr.read()
    status = proc.wait()
    elapsed = time.monotonic() - start
    with open(rss_file.name) as f:
        lines = f.read().split()
    os.unlink(rss_file.name)
    if status != 0:
        sys.exit(f'{argv[0]} failed ({status}): {err.decode(errors="replace")}')
    return elapsed, int(lines[-1]) / 1024, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('nylasctl')
    ap.add_argument('--grants', type=int, default=100000)
    ap.add_argument('--runs', type=int, default=3)
    args = ap.parse_args()

    if not os.access('/usr/bin/time', os.X_OK):
        sys.exit('GNU time is needed to measure peak RSS (apt-get install time)')
    if shutil.which('curl') is None:
        sys.exit('curl is needed for the comparison (apt-get install curl)')
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        sys.exit('no session bus: run through ./build-aux/dev bench')

    home = tempfile.mkdtemp(prefix='nyl-bench-')
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, 'config'),
               XDG_STATE_HOME=os.path.join(home, 'state'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    env.pop('G_DEBUG', None)

    server = subprocess.Popen([args.nylasctl, 'sandbox', 'serve', '--grants', str(args.grants), '--json'],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        info = json.loads(server.stdout.readline())
        url, key = info['api_url'], info['api_key']

        # A profile for the served sandbox; its key goes to the keyring through stdin.
        run_measured([args.nylasctl, 'profiles', 'add', 'bench', '--api-url', url, '--api-key-stdin'],
                     env, stdin=key.encode())

        # The same pages nylasctl asks for, fetched by one curl process on one connection.
        pages = args.grants // 200 + 1
        config = os.path.join(home, 'curl.cfg')
        with open(config, 'w') as f:
            f.write(f'header = "Authorization: Bearer {key}"\nheader = "Accept: application/json"\n')
            for i in range(pages):
                f.write(f'url = "{url}/v3/grants?limit=200&offset={i * 200}"\noutput = "/dev/null"\n')

        nyl_times, nyl_rss, curl_times, curl_rss = [], [], [], []
        for _ in range(args.runs):
            t, rss, out = run_measured([args.nylasctl, '--profile', 'bench', '--json',
                                        'grants', 'list', '--all'], env)
            listed = len(json.loads(out))
            if listed != args.grants:
                sys.exit(f'nylasctl listed {listed} grants, expected {args.grants}')
            nyl_times.append(t)
            nyl_rss.append(rss)
            t, rss, _ = run_measured(['curl', '-sS', '--fail', '-K', config], env)
            curl_times.append(t)
            curl_rss.append(rss)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(home, ignore_errors=True)

    n, c = statistics.median(nyl_times), statistics.median(curl_times)
    print(f'grants: {args.grants} ({pages} pages of 200), runs: {args.runs}')
    print(f'nylasctl grants list --all --json: median {n:.2f} s (runs: '
          + ', '.join(f'{x:.2f}' for x in nyl_times) + f'), peak RSS {max(nyl_rss):.1f} MiB')
    print(f'curl, same pages, one connection:  median {c:.2f} s (runs: '
          + ', '.join(f'{x:.2f}' for x in curl_times) + f'), peak RSS {max(curl_rss):.1f} MiB')
    print(f'ratio nylasctl / curl: {n / c:.2f} (target <= 1.5), peak RSS target < 40 MiB')


if __name__ == '__main__':
    main()
