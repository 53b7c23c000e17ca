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
/// - Returns: `nil` when the text matches, else a message with the first differing line.
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

/// The first line where two texts differ, described for a test failure, or `nil` if equal.
public func lineDifference(expected: String, actual: String) -> String? {
  if expected == actual { return nil }
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  for i in 0..<max(e.count, a.count) {
    let el = i < e.count ? String(e[i]) : "<end of text>"
    let al = i < a.count ? String(a[i]) : "<end of text>"
    if el != al {
      return "line \(i + 1) differs\n  expected: \(el)\n  actual:   \(al)"
    }
  }
  return "texts differ in line endings"
}
