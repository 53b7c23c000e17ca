import FlowModel

/// A hashable join key part.
private enum KeyPart: Hashable {
  case text(String)
  case int(Int)
  case number(UInt64)
}

extension Column {
  fileprivate func keyPart(_ row: Int) -> KeyPart {
    switch values {
    case .text(let v): .text(v[row])
    case .year(let v): .int(v[row])
    case .bool(let v): .int(v[row] ? 1 : 0)
    case .number(let v): .number(v[row] == 0 ? 0 : v[row].bitPattern)
    }
  }
}

extension Evaluator {
  /// A hash join of `left` and `right` on `keys`; right key columns are dropped, and right
  /// columns whose names clash get the suffix `_<table>`.
  ///
  /// - Complexity: O(left + right + output rows).
  mutating func join(
    _ left: Table, _ right: Table, rightName: String, kind: JoinKind, keys: [(left: Name, right: Name)],
    at range: SourceRange
  ) throws(Diagnostic) -> Table {
    var leftKeys: [Column] = []
    var rightKeys: [Column] = []
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
      leftKeys.append(lc)
      rightKeys.append(rc)
    }
    // One key (the common case) hashes a single part; several keys hash an array of parts.
    let single = keys.count == 1
    var index1: [KeyPart: [Int]] = [:]
    var index: [[KeyPart]: [Int]] = [:]
    for row in 0..<right.rowCount {
      if single {
        index1[rightKeys[0].keyPart(row), default: []].append(row)
      } else {
        index[rightKeys.map { $0.keyPart(row) }, default: []].append(row)
      }
    }
    var leftRows: [Int] = []
    var rightRows: [Int] = []
    leftRows.reserveCapacity(left.rowCount)
    rightRows.reserveCapacity(left.rowCount)
    // Check for an interrupt by output rows too: one left row may match many right rows.
    var nextCheck = 0
    for row in 0..<left.rowCount {
      if leftRows.count >= nextCheck || row % Self.checkInterval == 0 {
        try checkCancelled(range)
        nextCheck = leftRows.count + Self.checkInterval
      }
      let found = single ? index1[leftKeys[0].keyPart(row)] : index[leftKeys.map { $0.keyPart(row) }]
      if let matches = found {
        for m in matches {
          leftRows.append(row)
          rightRows.append(m)
        }
      } else if kind == .left {
        leftRows.append(row)
        rightRows.append(-1)
      }
    }
    var columns: [Column] = []
    for column in left.columns {
      columns.append(try gather(column, leftRows, at: range))
    }
    let dropped = Set(keys.map(\.right.text))
    for column in right.columns where !dropped.contains(column.name) {
      var c = try gather(column, rightRows, at: range)
      if columns.contains(where: { $0.name == c.name }) { c.name += "_\(rightName)" }
      columns.append(c)
    }
    return Table(columns, caption: left.caption)
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
    case .text(let v): return Column(column.name, .text(try slices(v, missing: "")), dimension: column.dimension)
    case .number(let v): return Column(column.name, .number(try slices(v, missing: .nan)), dimension: column.dimension)
    case .year(let v): return Column(column.name, .year(try slices(v, missing: 0)), dimension: column.dimension)
    case .bool(let v): return Column(column.name, .bool(try slices(v, missing: false)), dimension: column.dimension)
    }
  }
}
