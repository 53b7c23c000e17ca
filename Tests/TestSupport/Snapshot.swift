import Foundation

/// Compares `actual` with the golden file `Snapshots/<name>` beside the calling test file.
///
/// When the golden file is missing, or the environment variable `RECORD_SNAPSHOTS` is set, the
/// file is (re)written and the call reports a failure, so a recording never passes silently.
/// Golden files are reviewed by eye before they are committed.
///
/// - Parameters:
///   - actual: the rendered text.
///   - name: the file name inside `Snapshots/`, extension included (e.g. `"bar.svg"`).
///   - filePath: the calling test file; defaults to the caller.
/// - Returns: `nil` when the text matches, else a message with a line diff.
public func snapshotMismatch(
  of actual: String,
  named name: String,
  filePath: String = #filePath
) -> String? {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots", isDirectory: true)
  let file = folder.appendingPathComponent(name)
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return "recorded snapshot \(file.path); review it and run the test again"
    } catch {
      return "could not record snapshot \(file.path): \(error)"
    }
  }
  return lineDifference(expected: expected, actual: actual).map { "\(name): \($0)" }
}

/// A line diff of two texts for a test failure (`-` expected, `+` actual, two lines of context
/// around each change, at most `limit` lines), or `nil` if they are equal.
public func lineDifference(expected: String, actual: String, limit: Int = 60) -> String? {
  if expected == actual { return nil }
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  if e == a { return "texts differ in line endings" }
  let script = LineDiff(e, a).script()
  var out: [String] = []
  var lastShown = -1
  var cut = false
  for (index, line) in script.enumerated() where line.kind != " " {
    if out.count >= limit {
      cut = true
      break
    }
    let from = max(lastShown + 1, index - 2)
    let to = min(script.count - 1, index + 2)
    guard from <= to else { continue }
    if from > lastShown + 1, !out.isEmpty { out.append("  …") }
    for k in from...to {
      out.append(script[k].rendered)
      lastShown = k
    }
  }
  let changed = script.filter { $0.kind != " " }.count
  let header = "\(changed) line\(changed == 1 ? "" : "s") differ (- expected, + actual):"
  return ([header] + out.prefix(limit) + (cut || out.count > limit ? ["  … (diff cut at \(limit) lines)"] : []))
    .joined(separator: "\n")
}

/// The shortest edit script between two lists of lines (longest common subsequence), after the
/// common head and tail are set aside so golden files of thousands of lines stay cheap.
private struct LineDiff {
  struct Line {
    var kind: Character
    var number: Int
    var text: String
    var rendered: String { "\(kind) \(String(number).leftPadded(5)) | \(text)" }
  }

  let expected: [String]
  let actual: [String]

  init(_ expected: [String], _ actual: [String]) {
    self.expected = expected
    self.actual = actual
  }

  func script() -> [Line] {
    var head = 0
    while head < min(expected.count, actual.count), expected[head] == actual[head] { head += 1 }
    var tail = 0
    while tail < min(expected.count, actual.count) - head,
      expected[expected.count - 1 - tail] == actual[actual.count - 1 - tail]
    {
      tail += 1
    }
    let e = Array(expected[head..<(expected.count - tail)])
    let a = Array(actual[head..<(actual.count - tail)])
    var out = (0..<head).map { Line(kind: " ", number: $0 + 1, text: expected[$0]) }
    out += middle(e, a, offset: head)
    out += (0..<tail).map {
      let i = expected.count - tail + $0
      return Line(kind: " ", number: i + 1, text: expected[i])
    }
    return out
  }

  /// The changed middle; beyond 2,000 lines a side it is shown as removed then added.
  private func middle(_ e: [String], _ a: [String], offset: Int) -> [Line] {
    guard e.count <= 2000, a.count <= 2000 else {
      return e.enumerated().map { Line(kind: "-", number: offset + $0.offset + 1, text: $0.element) }
        + a.enumerated().map { Line(kind: "+", number: offset + $0.offset + 1, text: $0.element) }
    }
    // common[i][j]: the longest common subsequence of e[i...] and a[j...].
    var common = [[Int]](repeating: [Int](repeating: 0, count: a.count + 1), count: e.count + 1)
    for i in stride(from: e.count - 1, through: 0, by: -1) {
      for j in stride(from: a.count - 1, through: 0, by: -1) {
        common[i][j] = e[i] == a[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
      }
    }
    var out: [Line] = []
    var (i, j) = (0, 0)
    while i < e.count || j < a.count {
      if i < e.count, j < a.count, e[i] == a[j] {
        out.append(Line(kind: " ", number: offset + i + 1, text: e[i]))
        (i, j) = (i + 1, j + 1)
      } else if i < e.count, j == a.count || common[i + 1][j] >= common[i][j + 1] {
        out.append(Line(kind: "-", number: offset + i + 1, text: e[i]))
        i += 1
      } else {
        out.append(Line(kind: "+", number: offset + j + 1, text: a[j]))
        j += 1
      }
    }
    return out
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: Swift.max(0, width - count)) + self
  }
}

/// A diagnostic golden file's text: the input, indented under `input:`, then what was shown.
public func diagnosticGolden(input: String, shown: String) -> String {
  "input:\n"
    + input.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    + "\n\n" + shown
}
