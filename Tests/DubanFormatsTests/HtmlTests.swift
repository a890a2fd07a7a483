import Foundation
import Testing
@testable import DubanFormats

/// Web pages saved from a government site: text in reading order, tables as tab-separated rows, page chrome
/// that is markup (scripts, styles, navigation) left out, entities decoded.
@Suite("Web pages")
struct HtmlTests {
    static let page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>关于印发重点工作责任分解的通知</title>
        <style>p { color: red; }</style><script>var x = "<p>不是正文</p>";</script></head>
        <body><nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></nav>
        <div class="article"><h1>云岭县人民政府办公室关于印发2026年重点工作责任分解的通知</h1>
        <p>各乡（镇）人民政府，县政府各部门：</p><p>现将《责任分解》印发给你们，请认真贯彻执行。</p>
        <table border="1"><tr><th>序号</th><th>工作任务</th><th>牵头单位</th></tr>
        <tr><td>1</td><td>新建城东幼儿园，<br>新增学位360个。</td><td>县教育局</td></tr>
        <tr><td>2</td><td>推进&ldquo;一网通办&rdquo;&nbsp;改革&#65292;A&amp;B。</td><td><p>县行政审批局</p></td></tr>
        </table><!-- 页脚 --><p>打印本页&#x3000;关闭窗口</p></div></body></html>
        """

    @Test func aPageReadsInOrderWithItsTable() throws {
        let document = try DocumentReader.read(data: Data(Self.page.utf8), fileName: "通知.html")
        #expect(document.format == .html)
        #expect(!document.text.contains("不是正文") && !document.text.contains("color"))
        #expect(!document.text.contains("首页"))
        #expect(document.lines.contains("云岭县人民政府办公室关于印发2026年重点工作责任分解的通知"))
        #expect(document.lines.contains("序号\t工作任务\t牵头单位"))
        #expect(document.lines.contains("1\t新建城东幼儿园， 新增学位360个。\t县教育局"))
        #expect(document.lines.contains("2\t推进“一网通办” 改革，A&B。\t县行政审批局"))
        #expect(document.lines.last == "打印本页 关闭窗口")
    }

    @Test func aGBKPageIsDecodedAsOtherTextIs() throws {
        // "<html><body><p>" + 责任单位：区财政局 in GBK + "</p></body></html>"
        let bytes =
            Array("<html><body><p>".utf8) + TestFiles.hex("d4f0c8ceb5a5cebba3bac7f8b2c6d5febed6")
            + Array("</p></body></html>".utf8)
        let document = try DocumentReader.read(data: Data(bytes), fileName: "gbk.htm")
        #expect(document.format == .html && document.encoding == "GB18030")
        #expect(document.text == "责任单位：区财政局")
    }

    @Test func plainTextThatMentionsTagsIsNotHTML() throws {
        let document = try DocumentReader.read(data: Data("1.推进 <html> 标签规范化。\n".utf8), fileName: "a.txt")
        #expect(document.format == .text)
    }
}
