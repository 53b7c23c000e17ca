// libFuzzer target for the FlowQL parser and evaluator, with completion, inspect and is-complete.
//
// Built by Scripts/fuzz.sh with `-sanitize=fuzzer,address -DFUZZING`; without FUZZING it replays
// files (a corpus or a crash) through the same function.
import FlowKernel
import FlowQL
import Foundation

#if FUZZING
  import FuzzSupport
#endif

nonisolated(unsafe) private var engine = FlowEngine.bundled()
nonisolated(unsafe) private var runs = 0

/// Runs the input as a cell, then asks for completions, docs and completeness at its middle.
func fuzzOne(_ bytes: [UInt8]) {
  let code = String(decoding: bytes, as: UTF8.self)
  runs += 1
  // A fresh session now and then, so `let` bindings from earlier inputs do not pile up.
  if runs % 500 == 0 { engine = FlowEngine.bundled() }
  _ = engine.run(code)
  let cursor = code.unicodeScalars.count / 2
  _ = engine.session.completions(in: code, cursor: cursor)
  _ = engine.session.inspect(code: code, cursor: cursor)
  _ = engine.session.isComplete(code)
}

#if FUZZING
  /// SwiftPM renames an executable's `main` to `<product>_main`; define it and start libFuzzer.
  @_cdecl("fuzz_query_main")
  func fuzzQueryMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    LibFuzzer.run(argc, argv) { data, size in
      fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    }
  }
#else
  @main
  struct ReplayQuery {
    static func main() throws {
      for path in CommandLine.arguments.dropFirst() {
        fuzzOne([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        print("ok \(path)")
      }
    }
  }
#endif
