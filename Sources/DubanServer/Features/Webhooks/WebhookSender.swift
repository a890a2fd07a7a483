import NIOCore
import Vapor

/// Posts one JSON document to one webhook address and answers the HTTP status. Behind a protocol so the
/// dispatcher is tested with scripted answers, without a network.
protocol WebhookSender: Sendable {
    /// POSTs `json` to `url` as `application/json; charset=utf-8`; answers the response's status code, and
    /// throws when no response came (timeout, refused connection, bad address).
    func post(url: String, json: String) async throws -> UInt
}

/// Why a post got no answer, in the words the deliveries list shows.
enum WebhookSendError: Error, Equatable, Sendable {
    /// No answer within this many seconds.
    case timedOut(seconds: Int64)
    /// The address could not be reached; carries the underlying error, in English, for the administrator.
    case unreachable(String)

    /// A short sentence for `last_error`.
    var summary: String {
        switch self {
        case .timedOut(let seconds): "请求超时（\(seconds) 秒内无应答）"
        case .unreachable(let detail): "无法连接：\(detail)"
        }
    }
}

/// The production sender, over Vapor's HTTP client.
struct ClientWebhookSender: WebhookSender {
    let client: any Client
    /// A group-chat robot answers within a second or two; ten seconds covers a slow day without letting one
    /// dead address hold up a whole round. A refused connection is retried until this deadline too.
    var timeoutSeconds: Int64 = 10

    func post(url: String, json: String) async throws -> UInt {
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "application/json; charset=utf-8")
        headers.add(name: .userAgent, value: "Duban-Webhook/1")
        do {
            let response = try await client.post(URI(string: url), headers: headers) { request in
                request.body = ByteBuffer(string: json)
                request.timeout = .seconds(timeoutSeconds)
            }
            return response.status.code
        } catch let error as HTTPClientError
            where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error)
        {
            throw WebhookSendError.timedOut(seconds: timeoutSeconds)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw WebhookSendError.unreachable(String(describing: error))
        }
    }
}

extension Application {
    private struct WebhookSenderKey: StorageKey {
        typealias Value = any WebhookSender
    }

    /// How the background jobs post to webhooks: Vapor's HTTP client unless a test put a fake here.
    var webhookSender: any WebhookSender {
        get { storage[WebhookSenderKey.self] ?? ClientWebhookSender(client: client) }
        set { storage[WebhookSenderKey.self] = newValue }
    }
}
