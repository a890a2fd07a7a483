import DubanServer
import Foundation
import Vapor

/// The `duban` executable serving a database as a separate process, as in production, so a test can kill it
/// with SIGKILL and start it again. The executable is the one `swift build` (and `swift test`) put beside the
/// test bundle.
final class ServerProcess: @unchecked Sendable {
    /// The built `duban` executable, or nil when it is not beside the tests.
    static let binary: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("duban"),
            Bundle.main.bundleURL.appendingPathComponent("duban"),
            RepositoryPaths.root.appendingPathComponent(".build/debug/duban"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    let port: Int
    let log: URL
    private let process = Process()

    /// Starts `duban serve` on `storage` and a free loopback port, its output going to a log file.
    init(storage: AppConfig.Storage, binary: URL) throws {
        port = try Self.freePort()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("duban-serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = binary
        var arguments = ["serve", "--port", "\(port)", "--log-level", "warning"]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["DUBAN_SQLITE_PATH"] = nil
        switch storage {
        case .sqliteFile(let path): arguments += ["--sqlite", path]
        case .postgres(let url): environment["DATABASE_URL"] = url
        case .sqliteMemory: break
        }
        process.arguments = arguments
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// What the server wrote, for a failure's message.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Polls /healthz until it answers 200; throws when the process exits first or a minute passes.
    func waitUntilServing(client: any Client) async throws {
        for _ in 0..<240 {
            guard process.isRunning else { throw ServerProcessError.exited(output) }
            if let response = try? await client.get(URI(string: base + "/healthz")), response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw ServerProcessError.notServing(output)
    }

    /// SIGKILL: no shutdown, no flush, nothing the process could do about it.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Ctrl+C, as an operator stops it, waited for.
    func interrupt() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServerProcessError.noPort }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw ServerProcessError.noPort }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

enum ServerProcessError: Error, CustomStringConvertible {
    case exited(String)
    case notServing(String)
    case noPort

    var description: String {
        switch self {
        case .exited(let output): "duban serve exited before serving:\n\(output.suffix(2000))"
        case .notServing(let output): "duban serve did not answer /healthz within a minute:\n\(output.suffix(2000))"
        case .noPort: "no free loopback port"
        }
    }
}
