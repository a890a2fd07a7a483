"""A minimal WebDriver client for headless Chromium through chromedriver, standard library only.

`chromium --screenshot` cannot carry a session cookie, and every Duban page needs a signed-in visitor, so the
browser check drives Chromium through chromedriver's JSON-over-HTTP protocol instead: set the cookie, size the
viewport (through the DevTools command chromedriver forwards, which also allows phone widths), open a page,
take a PNG."""
import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

from site_client import CheckFailed


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """One headless Chromium session; use as a context manager so chromedriver and Chromium always stop."""

    def __init__(self, profile_dir):
        self.driver_path = shutil.which("chromedriver")
        self.chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
        if not self.driver_path or not self.chromium:
            raise CheckFailed("Chromium or chromedriver missing: apt-get install chromium chromium-driver fonts-noto-cjk")
        self.profile_dir = profile_dir
        self.port = _free_port()
        self.driver = None
        self.session = None

    def __enter__(self):
        self.driver = subprocess.Popen(
            [self.driver_path, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_for_driver()
        options = {"binary": self.chromium, "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage",
            f"--user-data-dir={self.profile_dir}", "--window-size=1280,1400"]}
        answer = self._call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}})
        self.session = answer["sessionId"]
        return self

    def __exit__(self, *exc):
        try:
            if self.session:
                self._call("DELETE", f"/session/{self.session}", timeout=20)
        except (CheckFailed, OSError):
            pass
        finally:
            self.driver.terminate()
            try:
                self.driver.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.driver.kill()

    def add_cookie(self, url, name, value):
        """Opens `url` (a cookie belongs to the site being shown), then sets the cookie."""
        self.open(url)
        self._session_call("POST", "/cookie", {"cookie": {"name": name, "value": value, "path": "/", "httpOnly": True}})

    def open(self, url):
        """Navigates and waits for the page to load."""
        self._session_call("POST", "/url", {"url": url})

    def screenshot(self, url, width, height):
        """The PNG bytes of `url` in a viewport `width` × `height` CSS pixels; narrow widths render as a phone."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}
        self._session_call("POST", "/goog/cdp/execute", {"cmd": "Emulation.setDeviceMetricsOverride", "params": metrics})
        self.open(url)
        return base64.b64decode(self._session_call("GET", "/screenshot"))

    def print_pdf(self, url):
        """The PDF bytes of `url` printed on A4 with the page's print stylesheet, as a browser's 打印 would."""
        self.open(url)
        body = {"page": {"width": 21.0, "height": 29.7}, "background": False, "shrinkToFit": True}
        return base64.b64decode(self._session_call("POST", "/print", body))

    def _session_call(self, method, path, body=None):
        return self._call(method, f"/session/{self.session}{path}", body)

    def _call(self, method, path, body=None, timeout=90):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.load(response).get("value")
        except urllib.error.HTTPError as error:
            try:
                message = json.loads(error.read() or b"{}").get("value", {}).get("message", "")
            except ValueError:
                message = ""
            raise CheckFailed(f"chromedriver {method} {path}: HTTP {error.code} {message}".splitlines()[0])

    def _wait_for_driver(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if self._call("GET", "/status", timeout=2).get("ready"):
                    return
            except (OSError, CheckFailed, AttributeError):
                pass
            time.sleep(0.2)
        raise CheckFailed(f"chromedriver did not start within {seconds} s")
