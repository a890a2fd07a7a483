import DubanFuzzing
import Foundation

#if DUBAN_FUZZ
    /// libFuzzer's driver, from its runtime, which `-sanitize=fuzzer` links: this target keeps its own `main`
    /// (SwiftPM links every executable's entry point under the module's name) and hands the run to libFuzzer.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// Every generated input goes through the reader and the parser; a broken promise stops the run as a crash,
    /// which libFuzzer saves as `crash-…` for the regression fixtures. Built only by `scripts/fuzz.sh`
    /// (`-sanitize=fuzzer -DDUBAN_FUZZ`).
    @main
    struct FuzzTarget {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        }
    }

    /// One input: libFuzzer calls this millions of times.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        do {
            _ = try ReaderExercise.run(data)
        } catch {
            fatalError("reader promise broken: \(error.description)")
        }
        return 0
    }
#else
    /// Without the fuzzer, the same target replays inputs and prepares the fuzzer's starting corpus, so a saved
    /// crash can be run again in an ordinary debug build (and a debugger) without libFuzzer.
    @main
    struct FuzzTool {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            do {
                switch arguments.first {
                case "replay" where arguments.count > 1:
                    exit(try FuzzReplay.run(paths: Array(arguments.dropFirst())))
                case "seeds" where arguments.count > 2:
                    let written = try FuzzSeeds.write(into: arguments[1], from: Array(arguments.dropFirst(2)))
                    print("wrote \(written) seed inputs to \(arguments[1])")
                default:
                    print(FuzzTool.usage)
                    exit(arguments.isEmpty ? 0 : 2)
                }
            } catch {
                FileHandle.standardError.write(Data("duban-fuzz: \(error.localizedDescription)\n".utf8))
                exit(1)
            }
        }

        static let usage = """
            usage: duban-fuzz replay FILE|FOLDER…        run inputs through the reader and parser, as the fuzzer does
                   duban-fuzz seeds OUT FOLDER…           write the fuzzer's starting corpus from plan texts
            The fuzzer itself: scripts/fuzz.sh (see README, Fuzzing).
            """
    }
#endif
