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
      if overflow || p > (1 << 60) {
        fits = false
        break
      }
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
    // Number the distinct combined codes in ascending order: by marking them in an array when the
    // codes are few enough, else by hashing and sorting them.
    if fits, product <= Self.denseLimit(n) {
      let (idOf, count) = Self.ascendingIDs(of: combined, below: product)
      try check()
      return try numbered(combined.map { idOf[$0] }, groups: count, check: check)
    }
    var seen: [Int: Int] = [:]
    var codes: [Int] = []
    for c in combined where seen[c] == nil {
      seen[c] = codes.count
      codes.append(c)
    }
    let order = codes.indices.sorted { codes[$0] < codes[$1] }
    var remap = [Int](repeating: 0, count: codes.count)
    for (newID, old) in order.enumerated() { remap[old] = newID }
    try check()
    return try numbered(combined.map { remap[seen[$0] ?? 0] }, groups: codes.count, check: check)
  }

  /// For values in `0..<bound`: the id of each value that occurs, numbered 0, 1, … in ascending
  /// order (-1 for values that do not occur), and how many occur. An array, no hashing.
  private static func ascendingIDs(of values: some Sequence<Int>, below bound: Int) -> (idOf: [Int], count: Int) {
    var idOf = [Int](repeating: -1, count: bound)
    for value in values { idOf[value] = 0 }
    var count = 0
    for value in 0..<bound where idOf[value] == 0 {
      idOf[value] = count
      count += 1
    }
    return (idOf, count)
  }

  /// The largest number of possible keys grouped through an array rather than a hash table.
  private static func denseLimit(_ n: Int) -> Int { max(1 << 16, 4 * n) }

  /// The grouping of rows whose group numbers are `groupOf`.
  private static func numbered(
    _ groupOf: [Int], groups: Int, check: () throws(Diagnostic) -> Void
  ) throws(Diagnostic) -> Grouping {
    var first = [Int](repeating: -1, count: groups)
    var last = [Int](repeating: -1, count: groups)
    for (i, g) in groupOf.enumerated() {
      if first[g] < 0 { first[g] = i }
      last[g] = i
      if i % Evaluator.checkInterval == 0 { try check() }
    }
    return Grouping(groupOf: groupOf, count: groups, firstRow: first, lastRow: last)
  }

  /// Each row's rank among the key's distinct values, and an upper bound of the ranks (the number
  /// of distinct values, or for text the size of the column's dictionary).
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
    case .text(let v):
      // Rank the distinct values once; rows take their value's rank through its code. Values no
      // longer present in any row leave gaps in the ranks, which order and grouping ignore.
      let order = v.dictionary.indices.sorted { v.dictionary[$0] < v.dictionary[$1] }
      var rankOf = [Int](repeating: 0, count: v.dictionary.count)
      for (r, entry) in order.enumerated() { rankOf[entry] = r }
      let codes = v.codes
      let ranks = key.isScalar ? [Int](repeating: rankOf[Int(codes[0])], count: n) : codes.map { rankOf[Int($0)] }
      return (ranks, v.dictionary.count)
    case .year(let v):
      // Years span a small range: rank them through an array indexed by year.
      if !key.isScalar, let low = v.min(), let high = v.max(),
        case (let span, let overflow) = high.subtractingReportingOverflow(low), !overflow, span < denseLimit(n)
      {
        let (rankOf, count) = ascendingIDs(of: v.lazy.map { $0 - low }, below: span + 1)
        return (v.map { rankOf[$0 - low] }, count)
      }
      return ranked(v, <)
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
