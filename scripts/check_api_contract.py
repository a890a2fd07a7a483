#!/usr/bin/env python3
"""API contract check: serve `duban demo` on a spare port with a temporary database, create an administrator's
API token through the token page, and run schemathesis over every operation of the OpenAPI document the server
publishes — status codes, content types, response schemas, undeclared methods, and that schema-valid input is
accepted and invalid input refused. Always stops the server. Needs `pip install schemathesis`.

Revoking a token is left out of the run: the stateful phase would revoke the token it runs with."""
import argparse
import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # the helpers beside this script leave no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_server import DEMO_PASSWORD, demo_server, tail  # noqa: E402
from site_client import CheckFailed  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def create_token(site):
    """Signs in as the demo administrator and creates a token on 我的账号 · API 令牌; returns its secret."""
    site.sign_in("admin", DEMO_PASSWORD)
    status, page = site.request("/account/tokens")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page)
    if status != 200 or not csrf:
        raise CheckFailed(f"the token page answered HTTP {status} without its form")
    status, answer = site.request("/account/tokens", {"name": "接口契约检查", "_csrf": csrf.group(1)})
    if answer.startswith("redirect to "):
        status, answer = site.request(answer[len("redirect to "):].replace(site.base, ""))
    token = re.search(r"dbn_[A-Za-z0-9_\-]+", answer)
    if not token:
        raise CheckFailed(f"creating a token answered HTTP {status} without showing it")
    return token.group(0)


def run_schemathesis(base, token, max_examples):
    command = [
        shutil.which("st") or "st", "--config-file", os.path.join(HERE, "schemathesis.toml"), "run",
        f"{base}/api/v1/openapi.yaml", "--header", f"Authorization: Bearer {token}", "--checks", "all",
        "--exclude-operation-id", "revokeToken", "--max-examples", str(max_examples), "--workers", "1",
        "--suppress-health-check", "all",
    ]
    return subprocess.run(command).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=".build/debug/duban", help="the built duban executable")
    parser.add_argument("--max-examples", type=int, default=25, help="generated cases per operation and phase")
    args = parser.parse_args()
    if not shutil.which("st"):
        print("schemathesis is not installed: pip install schemathesis", file=sys.stderr)
        return 1
    try:
        with demo_server(args.binary, prefix="duban-api-check-") as (site, server, log_path, _):
            token = create_token(site)
            status = run_schemathesis(site.base, token, args.max_examples)
            if server.poll() is not None:
                raise CheckFailed(f"the server exited during the run:\n{tail(log_path)}")
            if status != 0:
                print("schemathesis found the API and its OpenAPI document disagreeing (above)", file=sys.stderr)
            return status
    except CheckFailed as failure:
        print(f"API contract check failed: {failure}", file=sys.stderr)
        return 1

if __name__ == "__main__":
    sys.exit(main())
