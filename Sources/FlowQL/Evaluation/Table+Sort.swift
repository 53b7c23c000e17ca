import FlowModel

extension Evaluator {
  /// A stable permutation ordering rows by `keys` (vector, descending); NaN sorts last.
  /// With `limit`, only the first `limit` rows of that order are returned (for `top`).
  ///
  /// - Complexity: O(n log n) comparisons, or O(n log `limit`) with a small limit.
  static func permutation(_ keys: [(Vector, Bool)], _ n: Int, limit: Int? = nil) -> [Int] {
    guard !keys.isEmpty else { return Array(0..<min(n, limit ?? n)) }
    let limit = min(limit ?? n, n)
    if keys.count == 1, let x = keys[0].0.numbers {
      if limit * 8 >= n { return sortedByNumber(x, descending: keys[0].1, limit: limit) }
      return smallest(limit, of: n, by: rowOrder(keys))
    }
    if let codes = combinedRanks(keys, n) {
      if limit * 8 < n {
        return smallest(limit, of: n) { a, b in codes[a] < codes[b] || (codes[a] == codes[b] && a < b) }
      }
      var pairs = codes.enumerated().map { ($0.element, $0.offset) }
      pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
      return pairs.prefix(limit).map(\.1)
    }
    let precedes = rowOrder(keys)
    if limit * 8 < n { return smallest(limit, of: n, by: precedes) }
    var order = Array(0..<n)
    order.sort(by: precedes)
    return Array(order.prefix(limit))
  }

  /// One sortable integer per row combining every key's rank (mixed radix), with directions
  /// applied and missing numbers last; nil when the combination would overflow.
  private static func combinedRanks(_ keys: [(Vector, Bool)], _ n: Int) -> [Int]? {
    var codes = [Int](repeating: 0, count: n)
    var product = 1
    for (vector, descending) in keys {
      var key = vector
      var flip = descending
      if descending, let x = key.numbers {
        key = Vector(values: .number(x.map { -$0 }))  // NaN stays NaN, so it stays last
        flip = false
      }
      let (r, cardinality) = Grouping.rank(key, n)
      let (p, overflow) = product.multipliedReportingOverflow(by: max(1, cardinality))
      guard !overflow, p < (1 << 60) else { return nil }
      product = p
      for i in 0..<n { codes[i] = codes[i] &* cardinality &+ (flip ? cardinality - 1 - r[i] : r[i]) }
    }
    return codes
  }

  /// A strict total order on rows: the keys in turn, then the row index.
  private static func rowOrder(_ keys: [(Vector, Bool)]) -> (Int, Int) -> Bool {
    let comparators: [(Int, Int) -> Int] = keys.map { vector, descending in
      let sign = descending ? -1 : 1
      switch vector.values {
      case .text:
        // Comparing Swift strings is slow (Unicode ordering); compare their ranks instead.
        let (r, _) = Grouping.rank(vector, vector.values.count)
        return { a, b in r[a] == r[b] ? 0 : (r[a] < r[b] ? -sign : sign) }
      case .year(let v): return { a, b in v[a] == v[b] ? 0 : (v[a] < v[b] ? -sign : sign) }
      case .bool(let v): return { a, b in v[a] == v[b] ? 0 : (!v[a] ? -sign : sign) }
      case .number(let v):
        return { a, b in
          let (p, q) = (v[a], v[b])
          if p.isNaN || q.isNaN { return p.isNaN == q.isNaN ? 0 : (p.isNaN ? 1 : -1) }
          return p == q ? 0 : (p < q ? -sign : sign)
        }
      }
    }
    return { a, b in
      for c in comparators {
        let r = c(a, b)
        if r != 0 { return r < 0 }
      }
      return a < b
    }
  }

  /// One numeric key: sort (value, row) pairs directly, which avoids indirection.
  private static func sortedByNumber(_ x: [Double], descending: Bool, limit: Int) -> [Int] {
    var pairs: [(Double, Int)] = []
    pairs.reserveCapacity(x.count)
    var missing: [Int] = []
    for (i, v) in x.enumerated() {
      if v.isNaN { missing.append(i) } else { pairs.append((descending ? -v : v, i)) }
    }
    pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    var out = pairs.prefix(limit).map(\.1)
    if out.count < limit { out += missing.prefix(limit - out.count) }
    return out
  }

  /// The first `k` rows under `precedes`, in order, using a bounded max-heap.
  private static func smallest(_ k: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
    guard k > 0 else { return [] }
    var heap: [Int] = []  // the worst kept row at the top
    heap.reserveCapacity(k)
    func siftUp(_ i: Int) {
      var c = i
      while c > 0 {
        let p = (c - 1) / 2
        guard precedes(heap[p], heap[c]) else { break }
        heap.swapAt(p, c)
        c = p
      }
    }
    func siftDown() {
      var p = 0
      while true {
        let l = 2 * p + 1
        let r = l + 1
        var worst = p
        if l < heap.count, precedes(heap[worst], heap[l]) { worst = l }
        if r < heap.count, precedes(heap[worst], heap[r]) { worst = r }
        if worst == p { return }
        heap.swapAt(p, worst)
        p = worst
      }
    }
    for row in 0..<n {
      if heap.count < k {
        heap.append(row)
        siftUp(heap.count - 1)
      } else if precedes(row, heap[0]) {
        heap[0] = row
        siftDown()
      }
    }
    heap.sort(by: precedes)
    return heap
  }
}

extension Evaluator {
  /// `top N by … with others`: the top rows plus one row for the rest — text "Other",
  /// numbers summed, years kept when the rest agrees on one (else 0), truth values false.
  static func appendingOthers(_ top: Table, rest: Table) -> Table {
    let columns = zip(top.columns, rest.columns).map { head, tail -> Column in
      var c = head
      switch (head.values, tail.values) {
      case (.text(let a), _): c.values = .text(a + ["Other"])
      case (.number(let a), .number(let b)): c.values = .number(a + [b.filter { !$0.isNaN }.reduce(0, +)])
      case (.year(let a), .year(let b)): c.values = .year(a + [Set(b).count == 1 ? b[0] : 0])
      case (.bool(let a), _): c.values = .bool(a + [false])
      default: break
      }
      return c
    }
    return Table(columns, caption: top.caption)
  }
}
