/// The inputs (and short plain-text outputs) of this kernel session, for `history_request`.
///
/// Kept in memory and bounded, so a long-running kernel does not grow: the newest
/// ``capacity`` entries are kept, and outputs longer than ``maximumOutputLength`` are not stored.
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
  /// The most entries kept.
  public let capacity: Int
  /// The longest output stored, in Unicode scalars.
  public static let maximumOutputLength = 500
  public private(set) var entries: [Entry] = []

  /// Creates an empty history keeping at most `capacity` entries: by default 1,000, the most
  /// JupyterLab's console asks for (`history_request` with `n: 1000`).
  public init(capacity: Int = 1_000) {
    self.capacity = max(1, capacity)
  }

  /// Records an input under execution count `line`, forgetting the oldest entries past capacity.
  public mutating func append(line: Int, input: String) {
    entries.append(Entry(session: session, line: line, input: input, output: nil))
    if entries.count > capacity + capacity / 10 { entries.removeFirst(entries.count - capacity) }
  }

  /// Attaches the plain-text output to the entry for `line`, when it is short.
  public mutating func setOutput(_ output: String, line: Int) {
    guard output.unicodeScalars.count <= Self.maximumOutputLength else { return }
    if let i = entries.lastIndex(where: { $0.line == line }) { entries[i].output = output }
  }

  /// The last `n` entries (at most ``capacity``).
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
