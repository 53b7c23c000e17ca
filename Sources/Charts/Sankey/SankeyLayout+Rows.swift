extension SankeyLayout {
  /// Per member, the segments that leave it (or enter it), all rows in one flat array, so the
  /// relaxation sorts them in place instead of copying an array per node.
  struct SegmentRows: Sendable {
    private var start: [Int]
    private var items: [Int]

    /// The rows of `count` members; segment `s` goes into row `owners[s]`, rows in segment order.
    init(count: Int, owners: [Int]) {
      start = [Int](repeating: 0, count: count + 1)
      for m in owners { start[m + 1] += 1 }
      for m in 0..<count { start[m + 1] += start[m] }
      var fill = start
      items = [Int](repeating: 0, count: owners.count)
      for (s, m) in owners.enumerated() {
        items[fill[m]] = s
        fill[m] += 1
      }
    }

    /// The segments of member `m`'s row, in their current order.
    func row(_ m: Int) -> ArraySlice<Int> { items[start[m]..<start[m + 1]] }

    /// Sorts row `m` by `key` of each segment, then by segment number (insertion sort: the
    /// relaxation moves nodes little, so rows are nearly sorted and mostly stay as they are).
    mutating func sort(_ m: Int, key: (Int) -> Double) {
      let first = start[m]
      let end = start[m + 1]
      guard end - first > 1 else { return }
      for i in (first + 1)..<end {
        let s = items[i]
        let k = key(s)
        var j = i
        while j > first {
          let p = items[j - 1]
          let pk = key(p)
          if pk < k || (pk == k && p < s) { break }
          items[j] = p
          j -= 1
        }
        items[j] = s
      }
    }
  }
}
