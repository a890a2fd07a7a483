import Foundation
@testable import DubanFormats

/// Reads an official document with python-docx and reports the formatting a reviewer checks: every
/// paragraph's effective typeface, size and alignment (resolved through its style chain, as Word does),
/// the tables, the page set-up and the footers.
enum PythonOfficialDocx {
    /// One paragraph's text and effective formatting; attributes are WordprocessingML values.
    struct Paragraph: Decodable, Equatable {
        var text: String
        var style: String
        /// `w:rFonts/@w:eastAsia` of the first run.
        var eastAsia: String?
        /// `w:sz` of the first run, in half-points.
        var size: String?
        var bold: String?
        var color: String?
        var alignment: String?
        var firstLineIndent: String?
        var pageBreakBefore: String?
        var line: String?
        var lineRule: String?
    }

    struct Table: Decodable, Equatable {
        var rows: [[String]]
        /// Whether each row is marked to repeat at the top of every page.
        var repeatsHeader: [Bool]
        /// The first cell of the first row and of the second row.
        var headerCell: Paragraph?
        var bodyCell: Paragraph?
    }

    /// The first section's page size and margins, in twips.
    struct Section: Decodable, Equatable {
        var width: Int
        var height: Int
        var top: Int
        var bottom: Int
        var left: Int
        var right: Int
    }

    struct Footer: Decodable, Equatable {
        var text: String
        /// Field instructions, e.g. " PAGE ".
        var fields: [String]
        var paragraph: Paragraph?
    }

    struct Contents: Decodable, Equatable {
        var paragraphs: [Paragraph]
        var tables: [Table]
        var section: Section
        /// The odd (default) footer, then the even-page footer.
        var footers: [Footer]
        var oddAndEvenFooters: Bool
        var title: String
    }

    private static let script = """
        import json, sys, docx
        from docx.oxml.ns import qn
        d = docx.Document(sys.argv[1])
        defaults = d.styles.element.find(qn("w:docDefaults"))
        def chain(p, kind):
            found = []
            if kind == "rPr":
                run = p._p.find(qn("w:r"))
                if run is not None: found.append(run.find(qn("w:rPr")))
            else:
                found.append(p._p.find(qn("w:pPr")))
            style = p.style
            while style is not None:
                found.append(style.element.find(qn("w:" + kind)))
                style = style.base_style
            if defaults is not None: found.append(defaults.find(".//" + qn("w:" + kind)))
            return [e for e in found if e is not None]
        def value(p, kind, tag, attr="val", flag=False):
            for e in chain(p, kind):
                child = e.find(qn("w:" + tag))
                if child is None: continue
                if flag: return child.get(qn("w:val"), "true")
                if child.get(qn("w:" + attr)) is not None: return child.get(qn("w:" + attr))
            return None
        def describe(p):
            return {"text": p.text, "style": p.style.style_id if p.style is not None else "",
                "eastAsia": value(p, "rPr", "rFonts", "eastAsia"), "size": value(p, "rPr", "sz"),
                "bold": value(p, "rPr", "b", flag=True), "color": value(p, "rPr", "color"),
                "alignment": value(p, "pPr", "jc"), "firstLineIndent": value(p, "pPr", "ind", "firstLine"),
                "pageBreakBefore": value(p, "pPr", "pageBreakBefore", flag=True),
                "line": value(p, "pPr", "spacing", "line"), "lineRule": value(p, "pPr", "spacing", "lineRule")}
        def table(t):
            rows = list(t.rows)
            first = lambda r: describe(r.cells[0].paragraphs[0]) if r.cells else None
            return {"rows": [[c.text for c in r.cells] for r in rows],
                "repeatsHeader": [r._tr.find(qn("w:trPr")) is not None
                    and r._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for r in rows],
                "headerCell": first(rows[0]) if rows else None,
                "bodyCell": first(rows[1]) if len(rows) > 1 else None}
        def footer(f):
            return {"text": "\\n".join(p.text for p in f.paragraphs),
                "fields": [e.text for e in f._element.iter(qn("w:instrText"))],
                "paragraph": describe(f.paragraphs[0]) if f.paragraphs else None}
        s = d.sections[0]
        print(json.dumps({
            "paragraphs": [describe(p) for p in d.paragraphs],
            "tables": [table(t) for t in d.tables],
            "section": {"width": s.page_width.twips, "height": s.page_height.twips, "top": s.top_margin.twips,
                "bottom": s.bottom_margin.twips, "left": s.left_margin.twips, "right": s.right_margin.twips},
            "footers": [footer(s.footer), footer(s.even_page_footer)],
            "oddAndEvenFooters": d.settings.odd_and_even_pages_header_footer,
            "title": d.core_properties.title or "",
        }, ensure_ascii=False))
        """

    /// Opens the .docx at `url` with python-docx; check `PythonDocx.isAvailable` first.
    static func read(_ url: URL) throws -> Contents {
        guard let python = PythonDocx.python else { throw TestSupportError.processFailed("python3 not found") }
        let output = try ProcessRunner.run(python, arguments: ["-c", script, url.path])
        guard output.status == 0 else {
            throw TestSupportError.processFailed(String(decoding: output.standardError, as: UTF8.self))
        }
        return try JSONDecoder().decode(Contents.self, from: output.standardOutput)
    }
}
