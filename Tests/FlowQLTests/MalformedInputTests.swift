import Testing

@testable import FlowQL

/// Malformed input must produce diagnostics, never a trap or a hang (WasmKit's
/// `UntrustedTextTests` idea): a few hundred deterministic mutations of valid cells go through
/// `run`, `completions`, `inspect` and `isComplete`.
@Suite struct MalformedInputTests {
  /// A tiny deterministic generator (SplitMix64), so failures reproduce.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }
  }

  static let fragments = [
    "|", "(", ")", "\"", "'", "[", "]", ",", "..", "=", "==", "-", "%", "kt", "by", "\n", ";", "{", "}",
    "😀", "\\", ".", "1e999", "0", "where", "summarize", "sum(", "chart", "with (", "let", "set", "help",
    "source.", "->", "#", "//", "USD/", "not", "in", "echo", "scale", "@", "\t", "é",
  ]

  static let seeds: [String] =
    ParserTests.valid + EvaluatorTests.shapes.map(\.code)
    + DiagnosticSnapshotTests.triggers.map(\.1)

  static let inputs: [String] = {
    var g = Generator(state: 42)
    var out: [String] = []
    for i in 0..<400 {
      var s = Array(seeds[i % seeds.count].unicodeScalars)
      for _ in 0...g.next(3) {
        let at = g.next(s.count + 1)
        switch g.next(4) {
        case 0 where !s.isEmpty:
          let end = min(s.count, at + 1 + g.next(6))
          s.removeSubrange(min(at, end)..<end)
        case 1:
          s.insert(contentsOf: fragments[g.next(fragments.count)].unicodeScalars, at: at)
        case 2:
          s = Array(s.prefix(at))
        default:
          s = Array(s[at...] + s[..<at])
        }
      }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: s)
      out.append(String(view))
    }
    return out
  }()

  @Test(arguments: inputs)
  func malformedInputDiagnosesNeverTraps(_ code: String) {
    var session = Fixtures.session()
    let count = code.unicodeScalars.count
    let result = session.run(code)
    for d in result.errors + result.warnings {
      #expect(d.range.start >= 0 && d.range.end <= count, "\(d.code) \(d.range) outside 0..\(count)")
      #expect(!d.render(source: code).isEmpty)
    }
    #expect(result.errors.count <= Parser.maxErrors)
    _ = session.isComplete(code)
    for cursor in [0, count / 2, count] {
      let c = session.completions(in: code, cursor: cursor)
      #expect(c.start <= cursor && c.end >= cursor && c.matches.count == c.types.count)
      _ = session.inspect(code: code, cursor: cursor, detail: 1)
    }
  }

  @Test(arguments: [
    String(repeating: "(", count: 100_000),
    String(repeating: "-", count: 100_000) + "1",
    String(repeating: "not ", count: 50_000) + "true",
    "print " + Array(repeating: "1", count: 50_000).joined(separator: " + "),
    "flows | where " + Array(repeating: "mass > 1", count: 20_000).joined(separator: " and "),
    String(repeating: "[", count: 100_000),
    "flows" + String(repeating: " | take 1", count: 20_000),
  ])
  func pathologicalInputDiagnosesWithoutOverflow(_ code: String) {
    var session = Fixtures.session()
    _ = session.run(code)
    _ = session.isComplete(code)
    _ = session.completions(in: code, cursor: code.unicodeScalars.count)
  }
}

@Suite struct ExtremeValueTests {
  @Test(arguments: [
    "round(1.5, 0 / 0)", "round(1e308 * 10, 2)", "print 1e300 * 1e300", "print -(0 / 0)", "1e15 kt + 1 t",
    "flows | take 1e14", "flows | derive y = year + 999999999 | derive z = -y", "set decimals = 12; print 1 / 3",
    "flows | where year in 1e300..-1e300", "flows | pivot columns = mass, values = cost",
  ])
  func extremeValuesNeverTrap(_ code: String) {
    var session = Fixtures.session()
    let result = session.run(code)
    for case .value(let v) in result.outputs { _ = session.options.format(v) }
  }
}
