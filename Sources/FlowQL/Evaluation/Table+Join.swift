import FlowModel

/// Both sides' values of one join key as integers, equal exactly when the values are equal: text
/// through one dictionary shared by the two sides (so no row hashes a string), years as they are,
/// flags as 0 and 1, numbers by bit pattern (with -0 as 0). `dense` bounds the integers when they
/// are small ids, so a lookup can index an array instead of hashing.
private func integerKeys(_ l: ColumnValues, _ r: ColumnValues) -> (left: [Int], right: [Int], dense: Int?) {
  switch (l, r) {
  case (.text(let a), .text(let b)):
    var ids: [String: Int] = [:]
    func id(_ s: String) -> Int {
      if let i = ids[s] { return i }
      ids[s] = ids.count
      return ids.count - 1
    }
    let leftIDs = a.dictionary.map(id)
    let rightIDs = b.dictionary.map(id)
    return (a.codes.map { leftIDs[Int($0)] }, b.codes.map { rightIDs[Int($0)] }, ids.count)
  case (.year(let a), .year(let b)):
    return (a, b, nil)
  case (.bool(let a), .bool(let b)):
    return (a.map { $0 ? 1 : 0 }, b.map { $0 ? 1 : 0 }, 2)
  case (.number(let a), .number(let b)):
    func bits(_ x: Double) -> Int { x == 0 ? 0 : Int(truncatingIfNeeded: x.bitPattern) }
    return (a.map(bits), b.map(bits), nil)
  default:
    preconditionFailure("join key types are checked before")
  }
}

/// The right table's rows grouped by join key, so each left row finds its matches in one lookup.
private struct JoinIndex {
  let parts: [(left: [Int], right: [Int], dense: Int?)]
  private var denseBucket: [Int]
  private var bucketOf1: [Int: Int] = [:]
  private var bucketOf: [[Int]: Int] = [:]
  /// The right rows of each bucket, in row order.
  private(set) var buckets: [[Int]] = []

  init(_ parts: [(left: [Int], right: [Int], dense: Int?)]) {
    self.parts = parts
    denseBucket = [Int](repeating: -1, count: parts.count == 1 ? parts[0].dense ?? 0 : 0)
  }

  /// The bucket of `row` of the left (or right) table, nil when no right row has its key.
  func bucket(of row: Int, right: Bool) -> Int? {
    guard parts.count == 1 else { return bucketOf[parts.map { right ? $0.right[row] : $0.left[row] }] }
    let key = right ? parts[0].right[row] : parts[0].left[row]
    guard parts[0].dense != nil else { return bucketOf1[key] }
    return denseBucket[key] < 0 ? nil : denseBucket[key]
  }

  /// Files right row `row` under its key.
  mutating func add(right row: Int) {
    if let id = bucket(of: row, right: true) {
      buckets[id].append(row)
      return
    }
    let id = buckets.count
    buckets.append([row])
    if parts.count > 1 {
      bucketOf[parts.map { $0.right[row] }] = id
    } else if parts[0].dense != nil {
      denseBucket[parts[0].right[row]] = id
    } else {
      bucketOf1[parts[0].right[row]] = id
    }
  }
}

extension Evaluator {
  /// A hash join of `left` and `right` on `keys`; right key columns are dropped, and right
  /// columns whose names clash get the suffix `_<table>`.
  ///
  /// Right rows are grouped into buckets by key and each left row notes its bucket, so the exact
  /// output size is known (and checked, `E323`) before anything large is allocated.
  ///
  /// - Complexity: O(left + right + output rows).
  mutating func join(
    _ left: Table, _ right: Table, rightName: String, kind: JoinKind, keys: [(left: Name, right: Name)],
    at range: SourceRange
  ) throws(Diagnostic) -> Table {
    let keyColumns = try joinKeys(left, right, keys)
    var index = JoinIndex(keyColumns.map { integerKeys($0.left.values, $0.right.values) })
    for row in 0..<right.rowCount {
      if row % Self.checkInterval == 0 { try checkCancelled(range) }
      index.add(right: row)
    }
    let dropped = Set(keys.map(\.right.text))
    let kept = left.columns + right.columns.filter { !dropped.contains($0.name) }
    let (leftRows, rightRows) = try matchingRows(left.rowCount, index, kind, kept, range)
    var columns: [Column] = []
    for column in left.columns {
      columns.append(try gather(column, leftRows, at: range))
    }
    for column in right.columns where !dropped.contains(column.name) {
      var c = try gather(column, rightRows, at: range)
      if columns.contains(where: { $0.name == c.name }) { c.name += "_\(rightName)" }
      columns.append(c)
    }
    return Table(columns, caption: left.caption)
  }

  /// The key columns of both sides, checked to exist and to have the same type.
  private func joinKeys(_ left: Table, _ right: Table, _ keys: [(left: Name, right: Name)]) throws(Diagnostic)
    -> [(left: Column, right: Column)]
  {
    var out: [(left: Column, right: Column)] = []
    for (l, r) in keys {
      guard let lc = left[l.text] else { throw unknownColumn(l.text, l.range, in: left) }
      guard let rc = right[r.text] else { throw unknownColumn(r.text, r.range, in: right) }
      guard Vector.typeName(lc.values) == Vector.typeName(rc.values) else {
        throw Diagnostic(
          .joinKeyMismatch,
          "cannot join \(Vector.describe(lc.values, lc.dimension)) with \(Vector.describe(rc.values, rc.dimension))",
          at: l.range.union(r.range), label: "keys of different types",
          help: "join on columns of the same type, such as `source = id`")
      }
      out.append((lc, rc))
    }
    return out
  }

  /// The (left row, right row) pairs of the result in output order; a right row of -1 is a left
  /// row without a match (`join left`). Refuses results over ``joinByteLimit`` first.
  private func matchingRows(
    _ leftCount: Int, _ index: JoinIndex, _ kind: JoinKind, _ columns: [Column], _ range: SourceRange
  ) throws(Diagnostic) -> ([Int], [Int]) {
    var leftBucket = [Int](repeating: -1, count: leftCount)
    var outputRows = 0
    for row in 0..<leftCount {
      if row % Self.checkInterval == 0 { try checkCancelled(range) }
      if let found = index.bucket(of: row, right: false) {
        leftBucket[row] = found
        outputRows += index.buckets[found].count
      } else if kind == .left {
        outputRows += 1
      }
    }
    try checkJoinSize(rows: outputRows, columns: columns, at: range)
    var leftRows: [Int] = []
    var rightRows: [Int] = []
    leftRows.reserveCapacity(outputRows)
    rightRows.reserveCapacity(outputRows)
    for row in 0..<leftCount {
      if row % Self.checkInterval == 0 { try checkCancelled(range) }
      let id = leftBucket[row]
      if id >= 0 {
        for m in index.buckets[id] {
          leftRows.append(row)
          rightRows.append(m)
        }
      } else if kind == .left {
        leftRows.append(row)
        rightRows.append(-1)
      }
    }
    return (leftRows, rightRows)
  }

  /// Throws `E323` when a join of `rows` rows of `columns` would exceed `joinByteLimit`.
  private func checkJoinSize(rows: Int, columns: [Column], at range: SourceRange) throws(Diagnostic) {
    let bytesPerRow = columns.reduce(16) { sum, column in
      switch column.values {
      case .text: sum + 16
      case .number, .year: sum + 8
      case .bool: sum + 1
      }
    }
    let (bytes, overflow) = rows.multipliedReportingOverflow(by: bytesPerRow)
    guard overflow || bytes > joinByteLimit else { return }
    let size = overflow ? "more than the machine has" : "about \(Self.describeBytes(bytes))"
    throw Diagnostic(
      .joinTooLarge,
      "this join would make \(Options.format(Double(rows), decimals: 0)) rows × \(columns.count) columns (\(size))",
      at: range, label: "too many matches",
      help: "filter with `where` or keep the needed columns with `select` before joining, or join on more keys",
      notes: [
        "a join may use up to \(Self.describeBytes(joinByteLimit)); each key value that repeats multiplies the rows"
      ])
  }

  /// `12.3 GB`, `512 MB`, `3 kB`: decimal units, one decimal for GB.
  static func describeBytes(_ bytes: Int) -> String {
    let b = Double(bytes)
    if b >= 1e9 { return "\(Options.format(b / 1e9, decimals: 1)) GB" }
    if b >= 1e6 { return "\(Options.format(b / 1e6, decimals: 0)) MB" }
    if b >= 1e3 { return "\(Options.format(b / 1e3, decimals: 0)) kB" }
    return "\(bytes) bytes"
  }

  /// The rows of `column` at `indices` (-1 = missing), built in slices so an interrupt lands
  /// within a few milliseconds even when a join produces millions of rows.
  private func gather(_ column: Column, _ indices: [Int], at range: SourceRange) throws(Diagnostic) -> Column {
    func slices<T>(_ values: [T], missing: T) throws(Diagnostic) -> [T] {
      var out: [T] = []
      out.reserveCapacity(indices.count)
      var start = 0
      while start < indices.count {
        try checkCancelled(range)
        let end = min(indices.count, start + Self.checkInterval * 16)
        for i in start..<end {
          let row = indices[i]
          out.append(row < 0 ? missing : values[row])
        }
        start = end
      }
      return out
    }
    switch column.values {
    case .text(let v):
      try checkCancelled(range)
      return Column(column.name, .text(v.gathered(indices)), dimension: column.dimension)
    case .number(let v): return Column(column.name, .number(try slices(v, missing: .nan)), dimension: column.dimension)
    case .year(let v): return Column(column.name, .year(try slices(v, missing: 0)), dimension: column.dimension)
    case .bool(let v): return Column(column.name, .bool(try slices(v, missing: false)), dimension: column.dimension)
    }
  }
}
