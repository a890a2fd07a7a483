#!/usr/bin/env python3
"""Validate the API's OpenAPI document against the OpenAPI 3.1 specification (openapi-spec-validator).

Usage: scripts/check_openapi.py [path]   (default: Sources/DubanServer/Resources/OpenAPI/openapi.yaml)
Needs `pip install openapi-spec-validator`. Exits 0 when the document is valid, 1 naming the first problem
(with its place in the document), 2 when the validator is not installed. That every route is documented and
every documented route exists is checked by the Swift test OpenAPIDocumentTests, which sees the app's routes.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "Sources", "DubanServer", "Resources", "OpenAPI", "openapi.yaml")


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    try:
        from openapi_spec_validator import validate
        from openapi_spec_validator.readers import read_from_filename
    except ImportError:
        print("check_openapi: openapi-spec-validator is not installed (pip install openapi-spec-validator)",
              file=sys.stderr)
        return 2
    try:
        document, _ = read_from_filename(path)
        validate(document)
    except Exception as error:  # the validator raises several types; each names the problem
        where = "/".join(str(part) for part in getattr(error, "path", []) or [])
        print(f"check_openapi: {path} is not a valid OpenAPI document"
              + (f" at {where}" if where else "") + f": {getattr(error, 'message', error)}", file=sys.stderr)
        return 1
    print(f"check_openapi: {os.path.relpath(path, ROOT)} is a valid OpenAPI {document.get('openapi')} document")
    return 0


if __name__ == "__main__":
    sys.exit(main())
