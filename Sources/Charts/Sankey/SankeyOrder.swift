/// The order of nodes within each column that keeps link crossings few: layered graph drawing's
/// barycentre sweeps (Sugiyama), alternately down and up the columns, each node placed at the
/// value-weighted mean position of its neighbours, then adjacent swaps while they remove
/// crossings; from the given order and from seeded shuffles, keeping the best order seen.
///
/// A link that spans several columns passes through one virtual node per column in between, so
/// its crossings there are counted and its path takes part in the ordering.
struct SankeyOrder: Sendable {
  /// `layers[c]` lists the members of column `c` top to bottom: real nodes `0..<nodeCount`, then virtual ones.
  private(set) var layers: [[Int]]
  /// Edges between adjacent columns: (upper member, lower member in the next column, value).
  private var edges: [[(from: Int, to: Int, value: Double)]]
  private let nodeCount: Int
  /// Link crossings between adjacent columns in ``layers``.
  private(set) var crossings = 0
  /// The improved order from each start (the given order first, then each shuffle), best first,
  /// virtual members included (``SankeyLayout`` numbers its slots the same way).
  private(set) var candidates: [[[Int]]] = []
  /// The number of members, real and virtual.
  private let memberCount: Int

  /// Orders `columns` (real node indices per column, initial order first) for `links`
  /// (source, target, value; loops left out by the caller).
  init(
    columns: [[Int]], column: [Int], links: [(source: Int, target: Int, value: Double)], restarts: Int = 8,
    seed: UInt64 = 0x5A4E_4B45_5900
  ) {
    nodeCount = column.count
    var layers = columns
    var edges = [[(from: Int, to: Int, value: Double)]](repeating: [], count: max(columns.count - 1, 0))
    var next = column.count
    for link in links {
      let (a, b) = (column[link.source], column[link.target])
      guard b > a else { continue }
      var previous = link.source
      for c in (a + 1)..<b {
        layers[c].append(next)
        edges[c - 1].append((previous, next, link.value))
        previous = next
        next += 1
      }
      edges[b - 1].append((previous, link.target, link.value))
    }
    self.layers = layers
    self.edges = edges
    memberCount = next
    improve()
    var found = [(self.layers, crossings)]
    var random = SplitMix64(seed: seed)
    for _ in 0..<restarts where found[0].1 > 0 {
      self.layers = layers.map { random.shuffled($0) }
      improve()
      found.append((self.layers, crossings))
    }
    found = found.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
    (self.layers, crossings) = found[0]
    var seen = Set<[[Int]]>()
    candidates = found.map(\.0).filter { seen.insert($0).inserted }
  }

  /// The real nodes of each column, top to bottom.
  var columns: [[Int]] { layers.map { $0.filter { $0 < nodeCount } } }

  /// Sweeps until no sweep improves, then adjacent swaps; `crossings` is the result's count.
  mutating func improve(maxSweeps: Int = 24) {
    var best = layers
    var bestCount = count()
    var sweep = 0
    var stale = 0
    while sweep < maxSweeps && stale < 4 && bestCount > 0 {
      if sweep % 2 == 0 { sweepDown() } else { sweepUp() }
      transpose()
      let c = count()
      if c < bestCount {
        best = layers
        bestCount = c
        stale = 0
      } else {
        stale += 1
      }
      sweep += 1
    }
    layers = best
    crossings = bestCount
  }

  private func positions() -> [Int] {
    var p = [Int](repeating: 0, count: memberCount)
    for layer in layers { for (k, m) in layer.enumerated() { p[m] = k } }
    return p
  }

  private mutating func sweepDown() {
    guard layers.count > 1 else { return }
    for c in 1..<layers.count { reorder(c, by: edges[c - 1].map { ($0.to, $0.from, $0.value) }) }
  }

  private mutating func sweepUp() {
    guard layers.count > 1 else { return }
    for c in stride(from: layers.count - 2, through: 0, by: -1) {
      reorder(c, by: edges[c].map { ($0.from, $0.to, $0.value) })
    }
  }

  /// Sorts layer `c` by the weighted mean position of each member's neighbours in the fixed layer;
  /// members without neighbours keep their place.
  private mutating func reorder(_ c: Int, by pairs: [(member: Int, neighbour: Int, value: Double)]) {
    let p = positions()
    var sum: [Int: Double] = [:]
    var weight: [Int: Double] = [:]
    for (m, n, v) in pairs {
      let w = max(v, 1e-9)
      sum[m, default: 0] += Double(p[n]) * w
      weight[m, default: 0] += w
    }
    let keys = layers[c].enumerated().map { k, m in
      (m, weight[m].map { (sum[m] ?? 0) / $0 } ?? Double(k), k)
    }
    layers[c] = keys.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
  }

  /// Swaps neighbours in a column while that lowers the crossings around it. Swapping two
  /// neighbours changes only the crossings between their own links, so each swap weighs those.
  private mutating func transpose() {
    var improved = true
    var rounds = 0
    while improved && rounds < 8 {
      improved = false
      rounds += 1
      for c in layers.indices where layers[c].count > 1 {
        let p = positions()
        var left = [[Int]](repeating: [], count: memberCount)
        var right = left
        if c > 0 { for e in edges[c - 1] { left[e.to].append(p[e.from]) } }
        if c < edges.count { for e in edges[c] { right[e.from].append(p[e.to]) } }
        for k in 0..<(layers[c].count - 1) {
          let (u, v) = (layers[c][k], layers[c][k + 1])
          let now = Self.pairCrossings(left[u], left[v]) + Self.pairCrossings(right[u], right[v])
          let swapped = Self.pairCrossings(left[v], left[u]) + Self.pairCrossings(right[v], right[u])
          if swapped < now {
            layers[c].swapAt(k, k + 1)
            improved = true
          }
        }
      }
    }
  }

  /// Crossings between the links of a member above and one below, given their neighbours' positions.
  private static func pairCrossings(_ above: [Int], _ below: [Int]) -> Int {
    var total = 0
    for a in above { for b in below where a > b { total += 1 } }
    return total
  }

  /// All crossings between adjacent columns.
  func count() -> Int {
    let p = positions()
    return edges.reduce(0) { $0 + Self.count($1, p) }
  }

  /// Pairs of edges whose ends are in opposite orders (edges sharing an end never cross).
  private static func count(_ edges: [(from: Int, to: Int, value: Double)], _ p: [Int]) -> Int {
    let ends = edges.map { (p[$0.from], p[$0.to]) }.sorted { $0 < $1 }
    var total = 0
    for i in ends.indices {
      for j in (i + 1)..<ends.count where ends[j].0 > ends[i].0 && ends[j].1 < ends[i].1 { total += 1 }
    }
    return total
  }
}

/// A small seeded generator (SplitMix64), so shuffled restarts give the same order every run.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// `items` in a random order (Fisher–Yates).
  mutating func shuffled<T>(_ items: [T]) -> [T] {
    var out = items
    guard out.count > 1 else { return out }
    for i in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(i, Int(next() % UInt64(i + 1))) }
    return out
  }
}
