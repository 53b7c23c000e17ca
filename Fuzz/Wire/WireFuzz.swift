// libFuzzer target for the wire decoder and the dispatcher behind it.
//
// Built by Scripts/fuzz.sh with `-sanitize=fuzzer,address -DFUZZING`; without FUZZING it is a
// plain executable that replays files (a corpus or a crash) through the same function.
import Foundation
import JupyterKernel

#if FUZZING
  import FuzzSupport
#endif

/// An interpreter that accepts everything, so fuzzed requests reach every dispatcher branch.
private struct NullInterpreter: KernelInterpreter {
  mutating func execute(code: String, context: ExecutionContext) -> ExecutionOutcome {
    context.stream(.stdout, code)
    return code.hasPrefix("!")
      ? .failure(ExecutionError(name: "E", value: code, traceback: [code]))
      : .success(result: .plain(code), payloads: [])
  }
  func complete(code: String, cursor: Int) -> Completion { Completion(matches: [code], start: 0, end: cursor) }
  func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle? { .plain(code) }
  func isComplete(code: String) -> Completeness { .complete }
}

nonisolated(unsafe) private var kernel = InMemoryKernel(
  interpreter: NullInterpreter(),
  info: KernelInfo(implementation: "fuzz", implementationVersion: "0", languageInfo: ["name": "fuzz"], banner: ""))

/// Splits the input at 0x1E bytes into frames and feeds them to an unsigned and a signed codec.
func fuzzOne(_ bytes: [UInt8]) {
  let frames = bytes.split(separator: 0x1E, omittingEmptySubsequences: false).map(Array.init)
  for key in ["", "k"] {
    guard let message = try? WireCodec(signer: MessageSigner(key: key)).decode(frames) else { continue }
    let request = kernel.makeRequest(message.msgType, message.content)
    kernel.shell([request])
    _ = kernel.control(message.msgType, message.content)
  }
}

#if FUZZING
  /// SwiftPM renames an executable's `main` to `<product>_main`; define that entry point and hand
  /// control to libFuzzer's driver.
  @_cdecl("fuzz_wire_main")
  func fuzzWireMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    LibFuzzer.run(argc, argv) { data, size in
      fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    }
  }
#else
  @main
  struct ReplayWire {
    static func main() throws {
      for path in CommandLine.arguments.dropFirst() {
        fuzzOne([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        print("ok \(path)")
      }
    }
  }
#endif
