"""HTTP helpers for the browser check: GET and sign in against a running Duban, never following redirects,
so a page that sends the visitor to the login form is reported as such. Standard library only."""
import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

SESSION_COOKIE = "duban-session"


class CheckFailed(Exception):
    """A page or screenshot that does not meet the check; the message says which and why."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class SiteClient:
    """One visitor of the site: a cookie jar, and requests that report redirects instead of following them."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(_NoRedirects, urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, form=None):
        """(status, body text or "redirect to …"); HTTP errors are returned, not raised."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.base + path, data=data, timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location")
            body = error.read().decode("utf-8", "replace")
            return error.code, (f"redirect to {location}" if location else body)

    def download(self, path):
        """(status, bytes, headers) of a file the site sends, such as an export; HTTP errors are returned."""
        try:
            with self.opener.open(self.base + path, timeout=120) as response:
                return response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers

    def upload(self, path, fields, file_field, file_name, file_bytes):
        """Posts a multipart form with one file, as a browser's upload form does; (status, body or redirect)."""
        boundary = "----duban-check-boundary"
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                      f'filename="{file_name}"\r\nContent-Type: application/octet-stream\r\n\r\n').encode())
        parts.append(file_bytes + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        request = urllib.request.Request(self.base + path, data=b"".join(parts), method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location")
            body = error.read().decode("utf-8", "replace")
            return error.code, (f"redirect to {location}" if location else body)

    def session_cookie(self):
        return next((cookie.value for cookie in self.jar if cookie.name == SESSION_COOKIE), None)

    def sign_in(self, username, password):
        """Signs in through the login form (its CSRF token included); returns the session cookie's value."""
        status, page = self.request("/login")
        token = re.search(r'name="_csrf" value="([^"]+)"', page)
        if status != 200 or not token:
            raise CheckFailed(f"the login page answered HTTP {status} without its form")
        status, answer = self.request("/login", {"username": username, "password": password, "_csrf": token.group(1)})
        cookie = self.session_cookie()
        if status not in (302, 303) or not cookie:
            raise CheckFailed(f"signing in as {username} failed (HTTP {status})")
        return cookie

    def check_page(self, name, path, expected):
        """Fetches a page; checks status 200, non-empty main content and an expected phrase; returns the body."""
        status, body = self.request(path)
        if status != 200:
            detail = f" ({body})" if body.startswith("redirect to") else ""
            raise CheckFailed(f"{name} ({path}) answered HTTP {status}{detail}")
        text = main_text(body)
        if len(text) < 20:
            raise CheckFailed(f"{name} ({path}) has no main content")
        if expected not in text:
            raise CheckFailed(f"{name} ({path}) does not show “{expected}”")
        return body


def main_text(body):
    """The visible text inside <main>, tags and extra spaces removed."""
    match = re.search(r"<main\b[^>]*>(.*?)</main>", body, re.S)
    if not match:
        return ""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", match.group(1), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()
