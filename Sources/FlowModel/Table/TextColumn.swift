/// Text values stored dictionary-encoded: each distinct string once, each row as a small code.
///
/// It reads like `[String]` (a random-access, mutable, range-replaceable collection), but
/// filtering, sorting and joining move 4-byte codes instead of strings, grouping ranks the
/// distinct values once instead of hashing every row, and a column of a million rows over 200
/// process ids takes 4 MB instead of 16. Equality and hashing compare the rows as strings.
///
/// ```
/// let sources: TextColumn = ["MIN", "SEP", "MIN"]
/// sources.dictionary  // ["MIN", "SEP"]
/// sources.codes       // [0, 1, 0]
/// ```
public struct TextColumn: Sendable {
  /// The distinct values, in order of first appearance (some may no longer occur in any row).
  public private(set) var dictionary: [String]
  /// Each row's index into ``dictionary``.
  public private(set) var codes: [UInt32]
  /// The code of each string in ``dictionary``.
  private var lookup: [String: UInt32]

  /// An empty column.
  public init() {
    dictionary = []
    codes = []
    lookup = [:]
  }

  /// Encodes `strings`.
  ///
  /// A row equal to the one before takes its code without hashing (runs are common: a
  /// process's flows, a rule's two materials).
  public init(_ strings: some Sequence<String>) {
    self.init()
    codes.reserveCapacity(strings.underestimatedCount)
    var previous: String?
    for s in strings {
      if let last = codes.last, s == previous {
        codes.append(last)
      } else {
        codes.append(code(for: s))
      }
      previous = s
    }
  }

  /// Rows `codes` over `dictionary` (distinct strings; codes must be valid indices into it).
  init(dictionary: [String], codes: [UInt32]) {
    var lookup: [String: UInt32] = [:]
    lookup.reserveCapacity(dictionary.count)
    for (i, s) in dictionary.enumerated() { lookup[s] = UInt32(i) }
    self.init(dictionary: dictionary, codes: codes, lookup: lookup)
  }

  /// Rows `codes` over an existing `dictionary` (codes must be valid indices into it).
  private init(dictionary: [String], codes: [UInt32], lookup: [String: UInt32]) {
    self.dictionary = dictionary
    self.codes = codes
    self.lookup = lookup
  }

  /// The code for `s`, adding it to the dictionary if new.
  private mutating func code(for s: String) -> UInt32 {
    if let c = lookup[s] { return c }
    let c = UInt32(dictionary.count)
    dictionary.append(s)
    lookup[s] = c
    return c
  }

  /// The rows at `indices` in order, sharing this column's dictionary; -1 gives `missing`.
  ///
  /// - Complexity: O(indices), without hashing or copying strings.
  public func gathered(_ indices: [Int], missing: String = "") -> TextColumn {
    var result = TextColumn(dictionary: dictionary, codes: [], lookup: lookup)
    let missingCode = indices.contains { $0 < 0 } ? result.code(for: missing) : 0
    if dictionary.count == 1, missingCode == 0 {
      // One value: every row's code is 0, whichever rows are picked.
      result.codes = [UInt32](repeating: 0, count: indices.count)
      return result
    }
    result.codes = codes.withUnsafeBufferPointer { source in
      indices.map { $0 < 0 ? missingCode : source[$0] }
    }
    return result
  }
}

extension TextColumn: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
  public var startIndex: Int { 0 }
  public var endIndex: Int { codes.count }

  public subscript(position: Int) -> String {
    get { dictionary[Int(codes[position])] }
    set { codes[position] = code(for: newValue) }
  }

  public mutating func replaceSubrange<C: Collection<String>>(_ subrange: Range<Int>, with newElements: C) {
    var replacement: [UInt32] = []
    replacement.reserveCapacity(newElements.count)
    for s in newElements { replacement.append(code(for: s)) }
    codes.replaceSubrange(subrange, with: replacement)
  }

  public mutating func reserveCapacity(_ n: Int) {
    codes.reserveCapacity(n)
  }
}

extension TextColumn: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: String...) {
    self.init(elements)
  }
}

extension TextColumn: Hashable {
  public static func == (a: TextColumn, b: TextColumn) -> Bool {
    if a.dictionary == b.dictionary { return a.codes == b.codes }
    return a.elementsEqual(b)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for s in self { hasher.combine(s) }
  }
}

extension TextColumn {
  /// `transform` of every row, computed once per distinct value.
  ///
  /// - Complexity: O(rows + distinct values × `transform`).
  public func mapDistinct<T>(_ transform: (String) throws -> T) rethrows -> [T] {
    let perValue = try dictionary.map(transform)
    return codes.map { perValue[Int($0)] }
  }
}
