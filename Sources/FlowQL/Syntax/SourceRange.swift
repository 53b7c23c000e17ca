/// A half-open range of Unicode-scalar offsets into a cell's source text.
///
/// Offsets count `String.unicodeScalars`, never `Character`s or bytes, so an emoji or an
/// accented name occupies the same width here as it does in a Jupyter cursor position.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
  /// The first scalar offset covered.
  public var start: Int
  /// One past the last scalar offset covered.
  public var end: Int

  /// Creates a range; `end` is clamped so that it never precedes `start`.
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// An empty range at `offset`, used for "something is missing here".
  public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }

  /// The smallest range covering both ranges.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }

  /// Whether `offset` lies inside the range or touches its end.
  func touches(_ offset: Int) -> Bool { offset >= start && offset <= end }

  /// `start..<end`, as written in test failures.
  public var description: String { "\(start)..<\(end)" }
}

/// A 1-based line and column; columns count Unicode scalars.
public struct SourceLocation: Sendable, Hashable {
  /// The line, starting at 1.
  public var line: Int
  /// The column, starting at 1.
  public var column: Int
}

/// A cell's text as an array of scalars with precomputed line starts.
struct SourceText: Sendable {
  let scalars: [Unicode.Scalar]
  let lineStarts: [Int]

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
    lineStarts = starts
  }

  /// The line and column of `offset` (clamped to the text).
  func location(of offset: Int) -> SourceLocation {
    let o = min(max(0, offset), scalars.count)
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
    }
    return SourceLocation(line: lo + 1, column: o - lineStarts[lo] + 1)
  }

  /// The text of 1-based line `line`, without its newline (carriage returns dropped).
  func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    let end = line < lineStarts.count ? lineStarts[line] - 1 : scalars.count
    var view = String.UnicodeScalarView()
    for s in scalars[start..<max(start, end)] where s != "\r" { view.append(s == "\t" ? " " : s) }
    return String(view)
  }

  /// The text covered by `range`.
  func text(_ range: SourceRange) -> String {
    let s = min(max(0, range.start), scalars.count)
    let e = min(max(s, range.end), scalars.count)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[s..<e])
    return String(view)
  }
}
