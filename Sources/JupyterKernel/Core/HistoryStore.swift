/// The inputs (and plain-text outputs) of this kernel session, for `history_request`.
public struct HistoryStore: Sendable {
  /// One stored execution.
  public struct Entry: Sendable, Hashable {
    public var session: Int
    public var line: Int
    public var input: String
    public var output: String?
  }

  /// The session number reported; 1 for the only session a kernel process has.
  public let session = 1
  public private(set) var entries: [Entry] = []

  /// Creates an empty history.
  public init() {}

  /// Records an input under execution count `line`.
  public mutating func append(line: Int, input: String) {
    entries.append(Entry(session: session, line: line, input: input, output: nil))
  }

  /// Attaches the plain-text output to the entry for `line`.
  public mutating func setOutput(_ output: String, line: Int) {
    if let i = entries.lastIndex(where: { $0.line == line }) { entries[i].output = output }
  }

  /// The last `n` entries.
  public func tail(_ n: Int) -> [Entry] {
    Array(entries.suffix(max(0, n)))
  }

  /// Entries of `session` (0 means the current one, as in IPython) with `start <= line < stop`; `stop` nil = to the end.
  public func range(session requested: Int, start: Int, stop: Int?) -> [Entry] {
    guard requested == 0 || requested == session else { return [] }
    return entries.filter { e in e.line >= start && (stop.map { e.line < $0 } ?? true) }
  }

  /// Entries whose input matches the glob `pattern` (`*`, `?`); the last `n`, optionally unique inputs.
  public func search(pattern: String, n: Int?, unique: Bool) -> [Entry] {
    var matched = entries.filter { Self.glob(pattern, matches: $0.input) }
    if unique {
      var seen = Set<String>()
      matched = matched.reversed().filter { seen.insert($0.input).inserted }.reversed()
    }
    if let n, n > 0 { matched = Array(matched.suffix(n)) }
    return matched
  }

  /// Glob matching with `*` (any run) and `?` (one character), over Unicode scalars.
  static func glob(_ pattern: String, matches text: String) -> Bool {
    let p = Array(pattern.unicodeScalars)
    let t = Array(text.unicodeScalars)
    var pi = 0
    var ti = 0
    var star: Int?
    var mark = 0
    while ti < t.count {
      if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
        pi += 1
        ti += 1
      } else if pi < p.count, p[pi] == "*" {
        star = pi
        mark = ti
        pi += 1
      } else if let s = star {
        pi = s + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}
