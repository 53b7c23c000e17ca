import FlowModel

/// A hashable join key part.
private enum KeyPart: Hashable {
  case text(String)
  case int(Int)
  case number(UInt64)
}

extension Column {
  /// Rows at `indices`, where -1 means "no row" (missing value).
  func gatheringOptional(_ indices: [Int]) -> Column {
    switch values {
    case .text(let v): Column(name, .text(indices.map { $0 < 0 ? "" : v[$0] }), dimension: dimension)
    case .number(let v): Column(name, .number(indices.map { $0 < 0 ? .nan : v[$0] }), dimension: dimension)
    case .year(let v): Column(name, .year(indices.map { $0 < 0 ? 0 : v[$0] }), dimension: dimension)
    case .bool(let v): Column(name, .bool(indices.map { $0 < 0 ? false : v[$0] }), dimension: dimension)
    }
  }

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
    for row in 0..<left.rowCount {
      if row % Self.checkInterval == 0 { try checkCancelled(range) }
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
    var columns = left.columns.map { $0.gathering(leftRows) }
    let dropped = Set(keys.map(\.right.text))
    for column in right.columns where !dropped.contains(column.name) {
      var c = column.gatheringOptional(rightRows)
      if columns.contains(where: { $0.name == c.name }) { c.name += "_\(rightName)" }
      columns.append(c)
    }
    return Table(columns, caption: left.caption)
  }
}
