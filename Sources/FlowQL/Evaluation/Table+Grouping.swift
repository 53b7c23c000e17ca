import FlowModel

extension Grouping {
  /// Groups rows by the values of `keys`; groups are numbered in ascending key order
  /// (like pandas' `groupby(sort=True)`), so results are deterministic.
  ///
  /// With no keys, every row falls into one group (which exists even for zero rows).
  ///
  /// - Complexity: O(n + d log d) for n rows and d distinct key combinations.
  static func make(keys: [Vector], rowCount n: Int, check: () throws(Diagnostic) -> Void) throws(Diagnostic) -> Grouping
  {
    guard !keys.isEmpty else {
      return Grouping(groupOf: [Int](repeating: 0, count: n), count: 1, firstRow: [n > 0 ? 0 : -1], lastRow: [n - 1])
    }
    var ranks: [[Int]] = []
    var cardinalities: [Int] = []
    for key in keys {
      let (r, c) = rank(key, n)
      ranks.append(r)
      cardinalities.append(c)
      try check()
    }
    var combined: [Int]
    var fits = true
    var product = 1
    for c in cardinalities {
      let (p, overflow) = product.multipliedReportingOverflow(by: max(1, c))
      if overflow || p > (1 << 60) { fits = false; break }
      product = p
    }
    if fits {
      combined = ranks[0]
      for k in 1..<ranks.count {
        let c = cardinalities[k]
        let r = ranks[k]
        for i in 0..<n { combined[i] = combined[i] &* c &+ r[i] }
      }
    } else {
      // Rare: too many combinations for one Int; number the tuples instead.
      var ids: [[Int]: Int] = [:]
      var tuples: [[Int]] = []
      combined = [Int](repeating: 0, count: n)
      for i in 0..<n {
        let t = ranks.map { $0[i] }
        if let id = ids[t] {
          combined[i] = id
        } else {
          ids[t] = tuples.count
          combined[i] = tuples.count
          tuples.append(t)
        }
      }
      let order = tuples.indices.sorted { tuples[$0].lexicographicallyPrecedes(tuples[$1]) }
      var remap = [Int](repeating: 0, count: tuples.count)
      for (newID, old) in order.enumerated() { remap[old] = newID }
      combined = combined.map { remap[$0] }
    }
    try check()
    // Number the distinct combined codes in ascending order.
    var seen: [Int: Int] = [:]
    var codes: [Int] = []
    for c in combined where seen[c] == nil {
      seen[c] = codes.count
      codes.append(c)
    }
    let order = codes.indices.sorted { codes[$0] < codes[$1] }
    var remap = [Int](repeating: 0, count: codes.count)
    for (newID, old) in order.enumerated() { remap[old] = newID }
    var groupOf = [Int](repeating: 0, count: n)
    var first = [Int](repeating: -1, count: codes.count)
    var last = [Int](repeating: -1, count: codes.count)
    for i in 0..<n {
      let g = remap[seen[combined[i]] ?? 0]
      groupOf[i] = g
      if first[g] < 0 { first[g] = i }
      last[g] = i
      if i % Evaluator.checkInterval == 0 { try check() }
    }
    return Grouping(groupOf: groupOf, count: codes.count, firstRow: first, lastRow: last)
  }

  /// Each row's rank among the key's distinct values, and the number of distinct values.
  static func rank(_ key: Vector, _ n: Int) -> ([Int], Int) {
    func ranked<T: Hashable>(_ values: [T], _ less: (T, T) -> Bool) -> ([Int], Int) {
      var ids: [T: Int] = [:]
      var distinct: [T] = []
      var provisional = [Int](repeating: 0, count: n)
      for i in 0..<n {
        let v = values[key.isScalar ? 0 : i]
        if let id = ids[v] {
          provisional[i] = id
        } else {
          ids[v] = distinct.count
          provisional[i] = distinct.count
          distinct.append(v)
        }
      }
      let order = distinct.indices.sorted { less(distinct[$0], distinct[$1]) }
      var remap = [Int](repeating: 0, count: distinct.count)
      for (r, old) in order.enumerated() { remap[old] = r }
      return (provisional.map { remap[$0] }, distinct.count)
    }
    switch key.values {
    case .text(let v): return ranked(v, <)
    case .year(let v): return ranked(v, <)
    case .bool(let v): return ranked(v) { !$0 && $1 }
    case .number(let v):
      // Normalise -0 and NaN so equal values share one key; NaN sorts last.
      let bits = v.map { $0.isNaN ? Double.nan.bitPattern : ($0 == 0 ? 0 : $0.bitPattern) }
      return ranked(bits) { a, b in
        let x = Double(bitPattern: a)
        let y = Double(bitPattern: b)
        if x.isNaN { return false }
        if y.isNaN { return true }
        return x < y
      }
    }
  }
}
