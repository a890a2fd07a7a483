import Foundation
import NIOCore
import NIOPosix

/// A client that writes exactly the bytes a test gives and reads the answer's head: what a browser or an
/// attacker does that a full HTTP client will not, such as announcing 100 MB and sending 64 KB.
enum RawHTTP {
    /// Sends `head` and `body` to the server on `port` and returns what it answered up to the end of the
    /// response head, or nil when nothing came within `timeout` seconds.
    static func exchange(port: Int, head: String, body: [UInt8], timeout: Double = 10) async throws -> String? {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(string: head))
                    if !body.isEmpty { try? await outbound.write(ByteBuffer(bytes: body)) }
                    var received = ""
                    for try await chunk in inbound {
                        received += String(buffer: chunk)
                        if let end = received.range(of: "\r\n\r\n") { return String(received[..<end.lowerBound]) }
                    }
                    return received.isEmpty ? nil : received
                }
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                // Closing ends the reader's loop, so the group never waits on a silent server.
                try? await channel.channel.close()
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
