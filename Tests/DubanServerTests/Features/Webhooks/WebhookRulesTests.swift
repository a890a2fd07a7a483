@testable import DubanServer
import Testing

/// What a webhook address must be, and how it is shown without its secret.
@Suite("Webhook rules")
struct WebhookRulesTests {
    @Test(
        "Only absolute http and https addresses with a host are accepted",
        arguments: [
            ("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", true),
            ("  http://10.1.2.3:8080/hook  ", true),
            ("ftp://files.example/hook", false),
            ("qyapi.weixin.qq.com/cgi-bin/webhook/send", false),
            ("https://", false),
            ("https://exa mple.com/hook", false),
            ("javascript:alert(1)", false),
            ("", false),
        ])
    func addresses(url: String, accepted: Bool) {
        let checked = try? WebhookRules.checkedURL(url)
        #expect((checked != nil) == accepted, "\(url)")
    }

    @Test("Query values and long path segments are shortened; ordinary addresses are shown as they are")
    func redaction() {
        #expect(
            WebhookRules.redacted("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxxx-7a0c&debug=1")
                == "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…&debug=1")
        #expect(
            WebhookRules.redacted("https://open.feishu.cn/open-apis/bot/v2/hook/2e6f8b3c-5d1a-4f7e-9c0b-1a2b3c4d5e6f")
                == "https://open.feishu.cn/open-apis/bot/v2/hook/2e6f…")
        #expect(WebhookRules.redacted("http://10.1.2.3:8080/duban/hook") == "http://10.1.2.3:8080/duban/hook")
    }

    @Test("A name is required and at most 40 characters")
    func names() throws {
        #expect(try WebhookRules.checkedName(" 财政局群 ") == "财政局群")
        #expect(throws: WebhookError.nameMissing) { try WebhookRules.checkedName(" ") }
        #expect(throws: WebhookError.nameTooLong) { try WebhookRules.checkedName(String(repeating: "群", count: 41)) }
    }
}
