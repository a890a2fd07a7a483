#!/usr/bin/env python3
"""Independent read-back of the Word and Excel files Duban writes: serve the demo with a temporary database,
create an administrator's API token, download the exports through the API and read each with python-docx or
openpyxl — readers that share no code with Duban — checking them against the API's own JSON:

- the scores workbook, cell by cell, against GET /plans/{id}/scores (rank, unit, total, deductions, additions),
  and its explanation sheet line for line;
- every issued bulletin's Word file against GET /bulletins/{id}: the title, each paragraph and kept line, the
  attachments' tables, A4 pages, 仿宋 body text, page numbers in the footer;
- the bulletin's annex workbook, the plan's 完成情况 and 督办工作人员名单 forms: their numbers, headers, merged unit
  cells, frozen headers;
- the Chinese file names of every download in Content-Disposition (RFC 6266 / 5987).

Usage: scripts/check_exports.py [--binary .build/debug/duban]. Needs `pip install python-docx openpyxl`.
Exits non-zero naming each problem; the server is always stopped."""
import argparse
import io
import json
import os
import re
import sys
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_api_contract import create_token  # noqa: E402
from demo_server import demo_server  # noqa: E402
from site_client import CheckFailed  # noqa: E402

PLAN_TITLE = "2026年区《政府工作报告》重点工作责任分解方案"


class Api:
    """GET requests with the token; JSON or the file with its headers."""

    def __init__(self, base, token):
        self.base = base + "/api/v1"
        self.token = token

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers={"Authorization": f"Bearer {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers

    def json(self, path):
        status, body, _ = self.get(path)
        if status != 200:
            raise CheckFailed(f"GET {path} answered HTTP {status}: {body[:200]!r}")
        return json.loads(body)

    def file(self, path, suffix):
        """The file's bytes, after checking its status and its Chinese name in Content-Disposition."""
        status, body, headers = self.get(path)
        if status != 200:
            raise CheckFailed(f"GET {path} answered HTTP {status}: {body[:200]!r}")
        disposition = headers.get("Content-Disposition", "")
        encoded = re.search(r"filename\*=UTF-8''([^;]+)", disposition)
        if not disposition.startswith("attachment;") or not encoded:
            raise CheckFailed(f"{path}: Content-Disposition {disposition!r} has no RFC 5987 filename*")
        name = urllib.parse.unquote(encoded.group(1))
        if not name.endswith(suffix) or not re.search(r"[\u4e00-\u9fff]", name):
            raise CheckFailed(f"{path}: the file name {name!r} is not a Chinese {suffix} name")
        return body


def number(value):
    """A cell's value as the page prints a score: "98.5", "100"."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return str(value)


def check_scores(api, plan):
    """The scores workbook against the scores' JSON, cell by cell and line by line."""
    import openpyxl
    scores = api.json(f"/plans/{plan}/scores?period=2026-Q3")
    book = openpyxl.load_workbook(io.BytesIO(api.file(f"/plans/{plan}/exports/scores.xlsx?period=2026-Q3", ".xlsx")))
    ranking, lines = book.worksheets
    if [cell.value for cell in ranking[2]] != ["名次", "单位", "得分", "扣分", "加分", "备注"]:
        raise CheckFailed(f"the scores workbook's header is {[cell.value for cell in ranking[2]]}")
    if ranking.freeze_panes != "A3":
        raise CheckFailed(f"the scores workbook's header is not frozen ({ranking.freeze_panes})")
    rows = list(ranking.iter_rows(min_row=3, values_only=True))
    if len(rows) != len(scores["units"]):
        raise CheckFailed(f"the scores workbook has {len(rows)} units, the API {len(scores['units'])}")
    for row, unit in zip(rows, scores["units"]):
        expected = [number(unit["rank"]), unit["unitName"], number(unit["total"]) if unit["included"] else "不纳入",
                    number(unit["deductions"]), number(unit["additions"])]
        if [number(value) for value in row[:5]] != expected:
            raise CheckFailed(f"the scores workbook says {row[:5]}, the API {expected}")
        if unit["included"] and not isinstance(row[2], (int, float)):
            raise CheckFailed(f"{unit['unitName']}'s score is stored as text, not a number")
    explained = sum(len(unit["lines"]) for unit in scores["units"])
    if lines.max_row - 2 != explained:
        raise CheckFailed(f"the explanation sheet has {lines.max_row - 2} lines, the API {explained}")
    print(f"  scores.xlsx: {len(rows)} units and {explained} explained lines match the API")


def paragraphs(document):
    """Every paragraph's text, body and table cells, in order."""
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return texts


def check_bulletins(api):
    """Each issued bulletin's Word file against its JSON, and its annex workbook."""
    import docx
    import openpyxl
    from docx.shared import Mm
    issued = [item for item in api.json("/bulletins")["items"] if item["state"] == "issued"]
    if not issued:
        raise CheckFailed("the demo has no issued bulletin")
    for item in issued:
        bulletin = api.json(f"/bulletins/{item['id']}")
        document = docx.Document(io.BytesIO(api.file(f"/bulletins/{item['id']}/document.docx", ".docx")))
        text = "\n".join(paragraphs(document))
        wanted = [bulletin["title"], "督查通报", bulletin["overall"]] + bulletin["laggards"] + bulletin["praised"]
        wanted += [line for line in bulletin["requirements"].split("\n") if line.strip()]
        missing = [line for line in wanted if line.replace("\n", "") not in text.replace("\n", "")]
        if missing:
            raise CheckFailed(f"{item['issue']}: the Word file lacks {missing[:3]}")
        section = document.sections[0]
        if abs(section.page_width - Mm(210)) > Mm(1) or abs(section.page_height - Mm(297)) > Mm(1):
            raise CheckFailed(f"{item['issue']}: the page is not A4")
        defaults = document.styles.element.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults")
        if defaults is None or "仿宋" not in "".join(defaults.itertext()) + str(
                [element.attrib for element in defaults.iter()]):
            raise CheckFailed(f"{item['issue']}: the document's default text is not set in 仿宋")
        footer = "".join(section.footer._element.xml for section in document.sections)
        if "PAGE" not in footer:
            raise CheckFailed(f"{item['issue']}: the footer has no page number field")
        if not document.tables or [cell.text for cell in document.tables[0].rows[0].cells] != ["单位", "序号", "任务", "进展情况"]:
            raise CheckFailed(f"{item['issue']}: the attachment's table has no header 单位 | 序号 | 任务 | 进展情况")
        annex = openpyxl.load_workbook(io.BytesIO(api.file(f"/bulletins/{item['id']}/annex.xlsx", ".xlsx")))
        if annex.sheetnames != ["附件1", "附件2"]:
            raise CheckFailed(f"{item['issue']}: the annex workbook's sheets are {annex.sheetnames}")
        for sheet in annex.worksheets:
            if [cell.value for cell in sheet[2]] != ["单位", "序号", "任务", "进展情况"]:
                raise CheckFailed(f"{item['issue']} {sheet.title}: header {[cell.value for cell in sheet[2]]}")
        print(f"  {item['issue']}: the Word file holds its {len(bulletin['laggards'])} lines, A4, 仿宋, page numbers;"
              f" the annex reads back")


def check_forms(api, plan):
    """The plan's 完成情况 and 督办工作人员名单 forms: their number, header, merged units, every unit listed."""
    import openpyxl
    progress = openpyxl.load_workbook(io.BytesIO(api.file(f"/plans/{plan}/exports/progress.xlsx?period=2026-Q3", ".xlsx")))
    sheet = progress.worksheets[0]
    if not re.fullmatch(r"附表\d", sheet.title) or sheet["A1"].value != sheet.title:
        raise CheckFailed(f"the 完成情况 form is not numbered as a 附表 ({sheet.title}, {sheet['A1'].value})")
    if [cell.value for cell in sheet[4]] != ["单位", "序号", "责任事项", "完成情况"]:
        raise CheckFailed(f"the 完成情况 form's header is {[cell.value for cell in sheet[4]]}")
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    unfiled = sum(1 for row in rows if row[3] == "未报送")
    filed = sum(1 for row in rows if str(row[3] or "").startswith("【"))
    if unfiled + filed != len(rows) or not rows:
        raise CheckFailed(f"the 完成情况 form has {len(rows)} rows, {filed} filed and {unfiled} unfiled")
    counted = re.search(r"报送单位(\d+)个，已报送(\d+)个，未报送(\d+)个", sheet["A3"].value or "")
    if not counted or int(counted.group(1)) != int(counted.group(2)) + int(counted.group(3)):
        raise CheckFailed(f"the 完成情况 form's count line reads {sheet['A3'].value!r}")
    if not sheet.merged_cells.ranges:
        raise CheckFailed("the 完成情况 form merges no unit over its rows")
    roster = openpyxl.load_workbook(io.BytesIO(api.file(f"/plans/{plan}/exports/contacts.xlsx", ".xlsx"))).worksheets[0]
    if [cell.value for cell in roster[4]] != ["单位", "责任人", "姓名", "职务", "办公电话", "手机"]:
        raise CheckFailed(f"the roster's header is {[cell.value for cell in roster[4]]}")
    people = list(roster.iter_rows(min_row=5, values_only=True))
    roles = [row[1] for row in people]
    if len(people) % 3 or roles[:3] != ["分管领导", "办公室或者综合协调处室负责人", "经办人"]:
        raise CheckFailed(f"the roster does not list three people per unit ({len(people)} rows)")
    print(f"  {sheet.title} 完成情况: {len(rows)} rows ({filed} filed, {unfiled} 未报送); 名单: {len(people) // 3} units")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/duban", help="the built duban executable")
    args = parser.parse_args()
    try:
        import docx  # noqa: F401
        import openpyxl  # noqa: F401
    except ImportError:
        print("python-docx and openpyxl are not installed: pip install python-docx openpyxl", file=sys.stderr)
        return 1
    try:
        with demo_server(args.binary, prefix="duban-exports-") as (site, server, log_path, _):
            api = Api(site.base, create_token(site))
            plan = next((item["id"] for item in api.json("/plans")["items"] if item["title"] == PLAN_TITLE), None)
            if not plan:
                raise CheckFailed(f"the demo has no plan titled {PLAN_TITLE}")
            check_scores(api, plan)
            check_bulletins(api)
            check_forms(api, plan)
            print("exports: every Word and Excel file read back by python-docx and openpyxl as the API says")
            return 0
    except CheckFailed as problem:
        print(f"FAIL: {problem}", file=sys.stderr)
        return 1

if __name__ == "__main__":
    sys.exit(main())
