"""Serving `duban demo` for the checks: on a spare loopback port, with a temporary database, waited for until it
answers, and always stopped — Ctrl+C first so it shuts down cleanly. Standard library only."""
import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time

from site_client import CheckFailed, SiteClient

DEMO_PASSWORD = "qingxi-2026"  # DemoAccounts.password: printed by `duban demo`, public by design


def free_port():
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tail(path, lines=20):
    with open(path, encoding="utf-8", errors="replace") as log:
        return "".join(log.readlines()[-lines:])


def wait_until_serving(site, server, log_path, seconds=180):
    """Polls /healthz until the demo answers; fails early when the server process exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CheckFailed(f"duban demo exited with status {server.returncode}:\n{tail(log_path)}")
        try:
            if site.request("/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise CheckFailed(f"duban demo did not answer within {seconds} s:\n{tail(log_path)}")


def stop(server):
    """Ctrl+C first so the server shuts down cleanly, then harder."""
    if server.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, 15), (signal.SIGTERM, 5)):
        server.send_signal(sig)
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
    server.kill()
    server.wait()


@contextlib.contextmanager
def demo_server(binary, prefix="duban-check-"):
    """Serves the demo; yields (site, server, log_path, work folder) once it answers, and stops it afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as work:
        site = SiteClient(f"http://127.0.0.1:{free_port()}")
        log_path = os.path.join(work, "demo.log")
        port = site.base.rsplit(":", 1)[1]
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                [os.path.abspath(binary), "demo", "--sqlite", os.path.join(work, "demo.sqlite"), "--port", port],
                cwd=work, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            wait_until_serving(site, server, log_path)
            yield site, server, log_path, work
        finally:
            stop(server)
