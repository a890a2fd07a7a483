#!/usr/bin/env python3
"""Browser check: serve `duban demo` on a spare port with a temporary database, sign in with a demo account,
check that every main page answers 200 with its content, and take headless Chromium screenshots at desktop
and phone widths into screenshots/.

Usage: scripts/screenshots.py [--binary .build/debug/duban] [--out screenshots] [--user admin]
Needs chromium, chromium-driver and a CJK font (fonts-noto-cjk). Exits non-zero, naming each problem, when a
page errs, renders empty or a screenshot is missing. The server and the browser are always stopped.
Standard library only.
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.dont_write_bytecode = True  # the helpers below sit beside this script; leave no __pycache__ in the tree
from site_client import SESSION_COOKIE, CheckFailed, SiteClient  # noqa: E402
from webdriver import Browser  # noqa: E402
from demo_server import DEMO_PASSWORD, demo_server  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPORT_FIXTURE = os.path.join(ROOT, "Tests", "DubanCoreTests", "Fixtures", "inline-clauses.txt")
# A notice the reader finds no task in: the wizard must still give a usable draft.
NO_TASK_FIXTURE = os.path.join(ROOT, "Tests", "DubanCoreTests", "Fixtures", "no-task-notice.txt")
# A revised version of the demo's bundled cascade plan: one target raised, one deadline moved, one task swapped.
REVISION_FIXTURE = os.path.join(ROOT, "Sources", "DubanServer", "Resources", "DemoPlans",
                                "2026-city-report-tasks-revised.txt")
# The demo's unit clerk (区发展和改革局), for the desk and the report form.
CLERK_USER = "fagai"
# The demo's leader, for the board and a 批示.
LEADER_USER = "zhoujianguo"
# The demo city's 督查室 (云州市), for a city task with both districts' localised tasks beneath it.
CITY_USER = "shi"
CITY_TASK = "推进城市更新"
CITY_PLAN_TITLE = "2026年市《政府工作报告》重点工作责任分解方案"
RETURN_COMMENT = "请补充本季度量化指标完成数和佐证材料"
REVISED_PLAN_TITLE = "区人民政府办公室关于做好2026年市《政府工作报告》涉及我区办理事项责任分解工作的通知"
WIDTHS = [("desktop", 1280, 1400), ("phone", 390, 1400)]
MIN_PNG_BYTES = 15_000  # a blank or error-only page at these sizes is far smaller
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SEARCH_TERM = "养老"





def first_link(body, prefix, name, starting=None):
    """The first link to prefix/<id>, preferably one whose text starts with `starting` (so the pictures show
    a task with every role and a busy unit), else simply the first such link."""
    pattern = r'href="(%s/%s)"' % (re.escape(prefix), UUID)
    preferred = starting and re.search(pattern + r"[^>]*>\s*" + re.escape(starting), body)
    match = preferred or re.search(pattern, body)
    if not match:
        raise CheckFailed(f"{name}: no link to {prefix}/<id> found")
    return match.group(1)


def discover_pages(site):
    """(name, path, expected phrase) for each page, following links from the plan list and unit directory."""
    plans = site.check_page("plan list", "/plans", "责任分解方案")
    plan_path = first_link(plans, "/plans", "plan list")
    plan = site.check_page("plan page", plan_path, "主要预期目标")
    task_path = first_link(plan, "/tasks", "plan page", starting="推进新能源电池产业园")
    units = site.check_page("unit directory", "/units", "区发展和改革局")
    unit_path = first_link(units, "/units", "unit directory", starting="区发展和改革局<")
    draft_path = upload_draft(site, IMPORT_FIXTURE)
    draft = site.check_page("import preview", draft_path, "单位和领导对应")
    task_edit = re.search(r'href="(/imports/%s/task\?ref=[^"]+)"' % UUID, draft)
    if not task_edit:
        raise CheckFailed("the import preview has no link to correct a task")
    revised_plan = re.search(r'href="(/plans/%s)"[^>]*>\s*%s' % (UUID, re.escape(REVISED_PLAN_TITLE)), plans)
    if not revised_plan:
        raise CheckFailed(f"the plan list has no plan titled {REVISED_PLAN_TITLE}")
    revision_path = upload_draft(site, REVISION_FIXTURE, revises=revised_plan.group(1).rsplit("/", 1)[1])
    empty_path, mark_path, _, hand_plan = hand_task_draft(site)
    withdrawn_path = withdraw_plan(site, hand_plan)
    confirm_path = upload_draft(site, IMPORT_FIXTURE) + "/confirm"
    return [
        ("import-confirm", confirm_path, "确认发布"),
        ("import-empty", empty_path, "没有读出任务"),
        ("import-mark", mark_path, "添加任务"),
        ("plans", "/plans", "责任分解方案"),
        ("plan", plan_path, "主要预期目标"),
        ("task", task_path, "责任"),
        ("units", "/units", "区发展和改革局"),
        ("unit", unit_path, "任务"),
        ("search", "/search?q=" + urllib.parse.quote(SEARCH_TERM), SEARCH_TERM),
        ("audit", "/audit", "审计日志"),
        ("import-new", "/imports/new", "导入"),
        ("import-preview", draft_path, "单位和领导对应"),
        ("import-task", task_edit.group(1).replace("&amp;", "&"), "修改任务"),
        ("import-revision", revision_path + "#publish", "应用勾选的修改"),
        ("oversight", "/oversight", "报送进度与督办"),
        ("rules", plan_path + "/rules", "报送规则"),
        ("rules-derived", revised_plan.group(1) + "/rules?derive=5", "已按云州市的报送时限提前5天"),
        ("plan-withdraw", plan_path + "/withdraw", "撤回理由"),
        ("plan-withdrawn", withdrawn_path, "本方案已撤回"),
    ]


def city_pages(city):
    """The city's plan list (its own plan and the districts' below it), a city task listing both districts'
    localised tasks with their totals, and a district task seen from the city with its parent above it."""
    plans = city.check_page("city plan list", "/plans", "下级政府的方案")
    plan = re.search(r'href="(/plans/%s)"[^>]*>\s*%s' % (UUID, re.escape(CITY_PLAN_TITLE)), plans)
    if not plan:
        raise CheckFailed(f"the city's plan list has no plan titled {CITY_PLAN_TITLE}")
    plan_body = city.check_page("city plan", plan.group(1), CITY_TASK)
    task_path = first_link(plan_body, "/tasks", "city plan", starting=CITY_TASK)
    task = city.check_page("city task", task_path, "下级落实情况")
    for district in ("青溪区", "白沙区"):
        if district not in task:
            raise CheckFailed(f"the city task does not list {district}'s localised task")
    below = re.search(r'id="below".*?href="(/tasks/%s)[/"]' % UUID, task, re.S)
    if not below:
        raise CheckFailed("the city task links to no district task")
    return [
        ("city-plans", "/plans", "下级政府的方案"),
        ("city-task", task_path + "#below", "下级落实情况"),
        ("district-task", below.group(1), "上级任务"),
        ("city-targets", plan.group(1) + "/targets", "白沙区 · "),
    ]


def hand_task_draft(site):
    """Uploads a file with no task: the draft must say so and offer its lines; marks the line of one task,
    adds it as the form fills it, maps its units as new, confirms and publishes. Returns the empty draft's
    path and the mark form's path, for screenshots (taken of a second, untouched upload), and the published
    draft's."""
    draft_path = upload_draft(site, NO_TASK_FIXTURE)
    draft = site.check_page("empty import draft", draft_path, "没有读出任务")
    mark = re.search(r'<span class="line-text">加快建设区级智慧停车平台[^<]*</span> <a class="mark-line" href="([^"]+)"', draft)
    if not mark:
        raise CheckFailed("the empty draft offers no line to mark as a task")
    mark_path = mark.group(1).replace("&amp;", "&")
    form = site.check_page("mark a line as a task", mark_path, "添加任务")
    fields = {name: html.unescape(value) for name, value in re.findall(r'<input[^>]*name="([^"]+)" value="([^"]*)"', form)}
    text = re.search(r'<textarea id="task-text" name="text"[^>]*>([^<]*)</textarea>', form)
    if not text or "智慧停车" not in text.group(1):
        raise CheckFailed("the mark form is not filled from the marked line")
    # The notice names its units in prose; the administrator types the lead unit.
    fields.update({"text": html.unescape(text.group(1)), "kind": "task", "section": "", "lead": "区交通运输局"})
    status, answer = site.request(draft_path + "/tasks/new", fields)
    if not answer.startswith("redirect to "):
        raise CheckFailed(f"adding the marked task answered HTTP {status}")
    draft = site.check_page("draft with a hand task", draft_path, "单位和领导对应")
    if "没有读出任务" in draft or "加快建设区级智慧停车平台" not in draft:
        raise CheckFailed("the task added by hand is not in the draft")
    token = re.search(r'name="_csrf" value="([^"]+)"', draft).group(1)
    mapping = {name: "new" for name in set(re.findall(r'name="(unit-\d+|leader-\d+)" value="new"', draft))}
    mapping["_csrf"] = token
    site.request(draft_path + "/mapping", mapping)
    status, answer = site.request(draft_path + "/publish", {"_csrf": token})
    if not answer.endswith(draft_path + "/confirm"):
        raise CheckFailed(f"publishing did not ask for confirmation first (HTTP {status})")
    confirm = site.check_page("publish confirmation", draft_path + "/confirm", "确认发布")
    if "项任务" not in confirm or "报送规则" not in confirm:
        raise CheckFailed("the confirmation page does not say what publishing will do")
    status, answer = site.request(draft_path + "/publish", {"_csrf": token, "confirmed": "1", "skip_past": "1"})
    plan = re.search(r"redirect to (?:https?://[^/]+)?(/plans/%s)" % UUID, answer)
    if not plan:
        raise CheckFailed(f"publishing the draft with a hand task answered HTTP {status}: {answer[:200]}")
    site.check_page("plan published from a hand task", plan.group(1), "加快建设区级智慧停车平台")
    print("  a file with no task became a draft; a task marked by hand was published")
    fresh = upload_draft(site, NO_TASK_FIXTURE)
    return fresh, fresh + mark_path[len(draft_path):], draft_path, plan.group(1)


def withdraw_plan(site, plan_path):
    """Withdraws a plan with a reason and checks that it is archived, not deleted; returns its path."""
    form = site.check_page("withdrawal confirmation", plan_path + "/withdraw", "撤回理由")
    token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    status, answer = site.request(plan_path + "/withdraw", {"_csrf": token, "reason": "误导入，待重新导入"})
    if not answer.startswith("redirect to "):
        raise CheckFailed(f"withdrawing the plan answered HTTP {status}")
    page = site.check_page("withdrawn plan", plan_path, "本方案已撤回")
    if "恢复方案" not in page or "误导入" not in page:
        raise CheckFailed("the withdrawn plan does not show its reason and the restore button")
    plans = site.check_page("plan list", "/plans", "已撤回的方案")
    if plan_path not in plans.split("已撤回的方案", 1)[1]:
        raise CheckFailed("the withdrawn plan is not listed under 已撤回的方案")
    print("  a published plan was withdrawn and kept in the archive")
    return plan_path


def clerk_pages(site):
    """The demo clerk's desk and the report form of one of its tasks, found from where the clerk lands."""
    status, answer = site.request("/")
    match = re.search(r"redirect to (?:https?://[^/]+)?(/units/%s/desk)" % UUID, answer)
    if not match:
        raise CheckFailed(f"the clerk's home page does not lead to a desk (HTTP {status})")
    desk_path = match.group(1)
    desk = site.check_page("desk", desk_path, "本单位报送的任务")
    task = re.search(r'href="(/tasks/%s/reporting)"' % UUID, desk)
    if not task:
        raise CheckFailed("the desk lists no task to report on")
    finding = first_link(desk, "/findings", "desk (督查发现的问题)")
    score = re.search(r'href="(/plans/%s/scores/units/%s)"' % (UUID, UUID), desk)
    if not score:
        raise CheckFailed("the desk does not link to the unit's score")
    return [
        ("desk", desk_path, "本单位报送的任务"),
        ("report-form", task.group(1) + "#file", "报送完成情况"),
        ("notifications", "/notifications", "通知"),
        ("clerk-finding", finding, "报送整改情况"),
        ("own-score", score.group(1), "得分说明"),
    ]


def file_reports(clerk, desk_path, count=2):
    """Files this period's report on the first `count` tasks of the clerk's desk through the report form, with
    a small evidence file; returns the tasks' reporting paths."""
    desk = clerk.check_page("desk", desk_path, "本单位报送的任务")
    tasks = list(dict.fromkeys(re.findall(r'href="(/tasks/%s/reporting)"' % UUID, desk)))[:count]
    if len(tasks) < count:
        raise CheckFailed("the desk lists too few tasks to file on")
    for path in tasks:
        form = clerk.check_page("report form", path, "报送完成情况")
        token = re.search(r'name="_csrf" value="([^"]+)"', form)
        period = (re.search(r'<input type="hidden" name="period" value="([^"]+)">', form)
                  or re.search(r'<option value="([^"]+)" selected>[^<]*前）', form))
        if not token or not period:
            raise CheckFailed(f"the report form of {path} has no CSRF field or period")
        status, answer = clerk.upload(
            path.replace("/reporting", "/reports"),
            {"_csrf": token.group(1), "period": period.group(1), "status": "on_schedule",
             "narrative": "本季度按计划推进，阶段性目标已完成。"},
            "files[]", "进展说明.txt", "本季度工作进展说明。".encode())
        if status not in (302, 303):
            raise CheckFailed(f"filing a report on {path} answered HTTP {status}")
    return tasks


def return_newest(site):
    """As the 督查室, opens the review queue and returns its newest report with a comment; returns the queue."""
    queue = site.check_page("review queue", "/oversight/reviews", "待审核")
    report = re.search(r'href="(/reports/%s)"' % UUID, queue)
    if not report:
        raise CheckFailed("the review queue lists no report")
    status, answer = site.request(report.group(1))
    target = re.search(r"redirect to (?:https?://[^/]+)?(/tasks/%s/reporting)" % UUID, answer)
    if not target:
        raise CheckFailed(f"a report link answered HTTP {status} instead of leading to its task")
    page = site.check_page("report under review", target.group(1), "完成情况")
    token = re.search(r'name="_csrf" value="([^"]+)"', page)
    action = re.search(r'action="(%s/review)"' % re.escape(report.group(1)), page)
    if not token or not action:
        raise CheckFailed("the report under review has no review form")
    status, answer = site.request(action.group(1), {"_csrf": token.group(1), "decision": "return",
                                                     "comment": RETURN_COMMENT})
    if not answer.startswith("redirect to "):
        raise CheckFailed(f"returning the report answered HTTP {status}")
    print("  the newest report in the review queue was returned with a comment")
    return target.group(1)


def leader_pages(leader):
    """The demo leader's board, and a 批示 written on the first task of it."""
    status, answer = leader.request("/")
    match = re.search(r"redirect to (?:https?://[^/]+)?(/leaders/%s)" % UUID, answer)
    if not match:
        raise CheckFailed(f"the leader's home page does not lead to their board (HTTP {status})")
    board = leader.check_page("leader board", match.group(1), "分管任务进展")
    task = re.search(r'href="(/tasks/%s/reporting)"' % UUID, board)
    if not task:
        raise CheckFailed("the leader's board lists no task")
    page = leader.check_page("task for a 批示", task.group(1), "发送批示")
    token = re.search(r'name="_csrf" value="([^"]+)"', page)
    status, answer = leader.request(task.group(1).replace("/reporting", "/instructions"),
                                    {"_csrf": token.group(1) if token else "", "report": "",
                                     "text": "请抓紧推进，下月底前完成阶段目标，并报送进展。"})
    if not answer.startswith("redirect to "):
        raise CheckFailed(f"writing a 批示 answered HTTP {status}")
    print("  the leader wrote a 批示 from their board")
    return [
        ("leader-board", match.group(1), "分管任务进展"),
        ("instruction", task.group(1) + "#instructions", "领导批示（1）"),
    ]


def supervision_pages(site):
    """The demo 督查室's rounds, scores and bulletins: the lists, a round and one of its findings, the latest
    published quarter's ranking with its chart and one unit's explained score, the scheme, an issued bulletin and
    the draft being written. Returns the pages and the issued bulletin's path."""
    rounds = site.check_page("rounds", "/rounds", "督查与整改")
    round_path = first_link(rounds, "/rounds", "rounds")
    round_page = site.check_page("round", round_path, "发现的问题")
    finding_path = first_link(round_page, "/findings", "round")
    index = site.check_page("scores", "/scores", "考核得分")
    published = re.findall(r'href="(/plans/%s/scores\?period=\d{4}-Q\d)">[^<]*</a> <span class="badge state-accepted">' % UUID,
                           index)
    if not published:
        raise CheckFailed("the scores page lists no published quarter")
    ranking_path = published[-1].replace("&amp;", "&")
    ranking = site.check_page("ranking", ranking_path, "得分排名")
    if "<svg" not in ranking or "得分分布" not in ranking:
        raise CheckFailed("the ranking has no chart of the scores' spread")
    unit_score = re.search(r'href="(/plans/%s/scores/units/%s\?period=[^"]+)"' % (UUID, UUID), ranking)
    if not unit_score:
        raise CheckFailed("the ranking links to no unit's explained score")
    scheme_path = ranking_path.split("/scores")[0] + "/scoring"
    bulletins = site.check_page("bulletins", "/bulletins", "已印发")
    issued_part = bulletins.split("已印发", 1)[1]
    issued = first_link(issued_part, "/bulletins", "bulletins (issued)")
    draft = first_link(bulletins.split("已印发", 1)[0], "/bulletins", "bulletins (draft)")
    plan_page = site.check_page("plan with a public page", ranking_path.split("/scores")[0], "本方案已公开进展")
    public = re.search(r'href="(/public/[A-Za-z0-9_-]+)"', plan_page)
    if not public:
        raise CheckFailed("the demo's plan page does not link to its public page")
    found = site.check_page("search for a target", "/search?q=" + urllib.parse.quote("固定资产投资"), "固定资产投资")
    target_task = first_link(found, "/tasks", "search for a target") + "/reporting#targets"
    print("  the demo has rounds with findings, published scores and issued bulletins")
    pages = [
        ("rounds", "/rounds", "督查与整改"),
        ("round", round_path, "发现的问题"),
        ("finding", finding_path, "整改要求"),
        ("scores", "/scores", "考核得分"),
        ("ranking", ranking_path, "得分排名"),
        ("unit-score", unit_score.group(1).replace("&amp;", "&"), "得分说明"),
        ("scheme", scheme_path, "现行办法"),
        ("bulletins", "/bulletins", "已印发"),
        ("bulletin", issued, "进展滞后和存在问题"),
        ("bulletin-draft", draft, "保存草稿"),
        ("dashboard", "/oversight#dashboard", "总览"),
        ("target-chart", target_task, "量化指标走势"),
        ("public", public.group(1), "进展"),
        ("targets", ranking_path.split("/scores")[0] + "/targets", "量化指标完成情况"),
    ]
    return pages, issued, ranking_path


def render_documents(site, bulletin_path, ranking_path, out):
    """Downloads the issued bulletin's Word file and the ranking's workbook and has LibreOffice render each to
    PDF, its first pages to PNG, so a person can look at what offices receive. Returns the problems found."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office or not shutil.which("pdftoppm"):
        print("  documents: LibreOffice or pdftoppm not installed, rendering skipped")
        return []
    problems = []
    downloads = [
        ("bulletin-docx", bulletin_path + "/document.docx", "docx"),
        ("scores-xlsx", ranking_path.replace("/scores?", "/scores.xlsx?"), "xlsx"),
    ]
    with tempfile.TemporaryDirectory(prefix="duban-office-") as work:
        for name, path, suffix in downloads:
            status, data, _ = site.download(path)
            if status != 200 or len(data) < 1000:
                problems.append(f"{name}: {path} answered HTTP {status} with {len(data)} bytes")
                continue
            source = os.path.join(work, f"{name}.{suffix}")
            with open(source, "wb") as target:
                target.write(data)
            subprocess.run([office, "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                            "pdf", "--outdir", work, source], capture_output=True, timeout=180)
            pdf = os.path.join(work, f"{name}.pdf")
            if not os.path.exists(pdf):
                problems.append(f"{name}: LibreOffice could not render {path}")
                continue
            shutil.copy(pdf, os.path.join(out, f"{name}.pdf"))
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", pdf,
                            os.path.join(out, name)], capture_output=True, timeout=120)
            text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
            expected = "督查通报" if suffix == "docx" else "得分"
            if expected not in text:
                problems.append(f"{name}: the rendered PDF does not show {expected!r}")
            print(f"  {name:13} rendered by LibreOffice: {os.path.relpath(os.path.join(out, name))}-*.png")
    return problems


def upload_draft(site, fixture_path, revises=None):
    """Uploads one of our fixture plans through the import wizard's form (as a revision of the plan with id
    `revises`, when given); returns the draft's preview path."""
    form = site.check_page("import form", "/imports/new", "导入")
    token = re.search(r'name="_csrf" value="([^"]+)"', form)
    if not token:
        raise CheckFailed("the import form has no CSRF field")
    fields = {"_csrf": token.group(1), "year": "2026"}
    if revises:
        fields["revises"] = revises
    with open(fixture_path, "rb") as fixture:
        status, answer = site.upload("/imports", fields, "file", os.path.basename(fixture_path), fixture.read())
    match = re.search(r"redirect to (?:https?://[^/]+)?(/imports/%s)" % UUID, answer)
    if status not in (302, 303) or not match:
        raise CheckFailed(f"uploading {os.path.basename(fixture_path)} to the wizard answered HTTP {status}")
    return match.group(1)


def capture(browser, site, pages, out):
    """Checks each page over HTTP, then takes its screenshots; returns the problems found."""
    failures = []
    for name, path, expected in pages:
        try:
            site.check_page(name, path.split("#")[0], expected)
            for label, width, height in WIDTHS:
                file = os.path.join(out, f"{name}-{width}.png")
                png = browser.screenshot(site.base + path, width, height)
                if len(png) < MIN_PNG_BYTES:
                    raise CheckFailed(f"{name} at {width} px is only {len(png)} bytes: the page looks empty")
                with open(file, "wb") as target:
                    target.write(png)
                print(f"  {name:7} {label:7} {path[:60]:60} {len(png) // 1024:5} KB  {os.path.relpath(file)}")
        except CheckFailed as problem:
            failures.append(str(problem))
    return failures


def check_print(browser, site, name, path, expected, out):
    """Prints a page to PDF and reads it back with pdftotext: A4, the content there, no navigation or buttons."""
    pdf = browser.print_pdf(site.base + path)
    file = os.path.join(out, f"{name}-print.pdf")
    with open(file, "wb") as target:
        target.write(pdf)
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        print(f"  {name:7} print   (pdftotext not installed: saved {os.path.relpath(file)} unread)")
        return []
    text = subprocess.run(["pdftotext", "-layout", file, "-"], capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", file], capture_output=True, text=True).stdout
    problems = []
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    if not size or abs(float(size.group(1)) - 595.3) > 2 or abs(float(size.group(2)) - 841.9) > 2:
        problems.append(f"{name} does not print on A4 ({size.group(0) if size else 'no page size'})")
    if expected not in text:
        problems.append(f"{name} printed without its content ({expected!r} missing)")
    for chrome in ("退出", "搜索任务内容", "发送批示", "筛选"):
        if chrome in text:
            problems.append(f"{name} printed with the site's navigation or buttons ({chrome!r})")
    pages = re.search(r"Pages:\s+(\d+)", info)
    print(f"  {name:7} print   {path[:60]:60} {pages.group(1) if pages else '?'} page(s) A4  {os.path.relpath(file)}")
    return problems



def run(args):
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        raise CheckFailed(f"no duban executable at {binary}: build first (swift build)")
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    with demo_server(binary, prefix="duban-screens-") as (site, _, _, work):
        cookie = site.sign_in(args.user, args.password)
        print(f"demo serving at {site.base}, signed in as {args.user}")
        pages = discover_pages(site)
        supervision, bulletin_path, ranking_path = supervision_pages(site)
        pages += supervision
        clerk = SiteClient(site.base)
        clerk_cookie = clerk.sign_in(CLERK_USER, args.password)
        print(f"signed in as {CLERK_USER} for the unit's pages")
        unit_pages = clerk_pages(clerk)
        filed = file_reports(clerk, unit_pages[0][1])
        returned = return_newest(site)
        if returned not in filed:
            raise CheckFailed("the newest report in the queue is not one the clerk just filed")
        pages.append(("reviews", "/oversight/reviews", "待审核"))
        unit_pages.append(("returned-report", returned + "#file", "督查室退回了本单位"))
        leader = SiteClient(site.base)
        leader_cookie = leader.sign_in(LEADER_USER, args.password)
        print(f"signed in as {LEADER_USER} for the leader's board")
        board_pages = leader_pages(leader)
        city = SiteClient(site.base)
        city_cookie = city.sign_in(CITY_USER, args.password)
        print(f"signed in as {CITY_USER} for the city's view of its districts")
        level_pages = city_pages(city)
        with Browser(os.path.join(work, "chrome")) as browser:
            browser.add_cookie(site.base + "/healthz", SESSION_COOKIE, cookie)
            failures = capture(browser, site, pages, out)
            failures += check_print(browser, site, "bulletin", bulletin_path, "进展滞后和存在问题", out)
            failures += render_documents(site, bulletin_path, ranking_path, out)
            browser.add_cookie(site.base + "/healthz", SESSION_COOKIE, clerk_cookie)
            failures += capture(browser, clerk, unit_pages, out)
            failures += check_print(browser, clerk, "returned-report", returned, "办理方案", out)
            browser.add_cookie(site.base + "/healthz", SESSION_COOKIE, leader_cookie)
            failures += capture(browser, leader, board_pages, out)
            failures += check_print(browser, leader, "leader-board", board_pages[0][1], "分管任务进展", out)
            browser.add_cookie(site.base + "/healthz", SESSION_COOKIE, city_cookie)
            return failures + capture(browser, city, level_pages, out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "duban"))
    parser.add_argument("--out", default=os.path.join(ROOT, "screenshots"))
    parser.add_argument("--user", default="admin", help="demo account to sign in with")
    parser.add_argument("--password", default=DEMO_PASSWORD)
    args = parser.parse_args()
    try:
        failures = run(args)
    except CheckFailed as problem:
        failures = [str(problem)]
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    print("screenshots: " + ("all pages rendered" if not failures else f"{len(failures)} problem(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
