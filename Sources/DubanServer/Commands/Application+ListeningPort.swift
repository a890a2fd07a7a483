import Vapor

extension Application {
    /// The port the HTTP server is bound to once started; differs from the configured one when that was 0
    /// (a free port chosen by the system, as the benchmark and scripts ask for).
    var listeningPort: Int? {
        http.server.shared.localAddress?.port
    }
}
