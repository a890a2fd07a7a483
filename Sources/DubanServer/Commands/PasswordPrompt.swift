import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a password for `duban user` when `--password` is not given: typed without echo, twice, at a
/// terminal; one line from standard input otherwise (for scripts). The password is never printed.
enum PasswordPrompt {
    /// The password typed or piped in.
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("no password: pass --password or type it on standard input")
            }
            return line
        }
        let first = try readHidden(prompt: "Password: ")
        let second = try readHidden(prompt: "Repeat password: ")
        guard first == second else { throw ValidationError("the two passwords differ") }
        return first
    }

    /// One line from the terminal with echo turned off, restored afterwards. The prompt appears only once echo
    /// is off, so nothing typed after it can show.
    private static func readHidden(prompt: String) throws -> String {
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        FileHandle.standardError.write(Data(prompt.utf8))
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no password typed")
        }
        return line
    }
}
