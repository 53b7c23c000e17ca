extension SankeyLayout {
  /// Per member, the segments that leave it (or enter it), all rows in one flat array, so the
  /// relaxation sorts them in place instead of copying an array per node. Each row is kept in
  /// the order of the segments' other ends (their `y0`), as d3 keeps a node's links.
  struct SegmentRows: Sendable {
    private var start: [Int]
    private var items: [Int]
    /// The other end of each item's segment (the member its order follows), moved with the item.
    private var ends: [Int]

    /// The rows of `count` members; segment `s` goes into row `owners[s]`, rows in segment order,
    /// and is ordered by the member `others[s]`.
    init(count: Int, owners: [Int], others: [Int]) {
      start = [Int](repeating: 0, count: count + 1)
      for m in owners { start[m + 1] += 1 }
      for m in 0..<count { start[m + 1] += start[m] }
      var fill = start
      items = [Int](repeating: 0, count: owners.count)
      ends = items
      for (s, m) in owners.enumerated() {
        items[fill[m]] = s
        ends[fill[m]] = others[s]
        fill[m] += 1
      }
    }

    /// The places of member `m`'s row: ``subscript(_:)`` gives the segment at each, in its
    /// current order, and ``end(_:)`` its other end. (Places, not a slice, so the relaxation's
    /// loops hold no reference to the rows while it sorts them.)
    func places(_ m: Int) -> Range<Int> { start[m]..<start[m + 1] }

    /// The segment at place `k`.
    subscript(_ k: Int) -> Int { items[k] }

    /// The other end of the segment at place `k`.
    func end(_ k: Int) -> Int { ends[k] }

    /// The places of member `m`'s row before the first segment whose other end is `end`.
    func places(_ m: Int, before end: Int) -> Range<Int> {
      var k = start[m]
      while k < start[m + 1] && ends[k] != end { k += 1 }
      return start[m]..<k
    }

    /// Sorts row `m` by the `y0` of each segment's other end in `nodes`, then by segment number.
    /// The relaxation moves nodes little, so a row is usually in order already: one pass finds
    /// that; otherwise an insertion sort, which moves only what is out of place.
    mutating func sort(_ m: Int, by nodes: [Node]) {
      let first = start[m]
      let end = start[m + 1]
      guard end - first > 1 else { return }
      var previous = nodes[ends[first]].y0
      var inOrder = true
      for i in (first + 1)..<end {
        let key = nodes[ends[i]].y0
        if key < previous || (key == previous && items[i] < items[i - 1]) {
          inOrder = false
          break
        }
        previous = key
      }
      if inOrder { return }
      for i in (first + 1)..<end {
        let (s, e) = (items[i], ends[i])
        let k = nodes[e].y0
        var j = i
        while j > first {
          let pk = nodes[ends[j - 1]].y0
          if pk < k || (pk == k && items[j - 1] < s) { break }
          items[j] = items[j - 1]
          ends[j] = ends[j - 1]
          j -= 1
        }
        items[j] = s
        ends[j] = e
      }
    }
  }
}
