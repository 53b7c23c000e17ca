import FlowModel

extension Evaluator {
  /// A stable permutation ordering rows by `keys` (vector, descending); NaN sorts last.
  ///
  /// - Complexity: O(n log n) comparisons.
  static func permutation(_ keys: [(Vector, Bool)], _ n: Int) -> [Int] {
    var order = Array(0..<n)
    guard !keys.isEmpty else { return order }
    if keys.count == 1, let x = keys[0].0.numbers {
      let descending = keys[0].1
      order.sort { a, b in
        let (p, q) = (x[a], x[b])
        if p.isNaN || q.isNaN { return q.isNaN && !p.isNaN || (p.isNaN == q.isNaN && a < b) }
        if p != q { return descending ? p > q : p < q }
        return a < b
      }
      return order
    }
    let comparators: [(Int, Int) -> Int] = keys.map { vector, descending in
      let sign = descending ? -1 : 1
      switch vector.values {
      case .text(let v): return { a, b in v[a] == v[b] ? 0 : (v[a] < v[b] ? -sign : sign) }
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
    order.sort { a, b in
      for c in comparators {
        let r = c(a, b)
        if r != 0 { return r < 0 }
      }
      return a < b
    }
    return order
  }
}
