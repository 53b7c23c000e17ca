import FlowModel

/// The order of nodes within each column that keeps link crossings few: layered graph drawing's
/// barycentre sweeps (Sugiyama), alternately down and up the columns, each node placed at the
/// value-weighted mean position of its neighbours, then adjacent swaps while they remove
/// crossings; from the given order and from seeded shuffles, keeping the best order seen.
///
/// A link that spans several columns passes through one virtual node per column in between, so
/// its crossings there are counted and its path takes part in the ordering. Everything works on
/// flat integer arrays (positions, edge ends) kept up to date as columns change, and crossings
/// between two columns are counted with Barth, Jünger and Mutzel's accumulator tree, O(E log V).
struct SankeyOrder: Sendable {
  /// `layers[c]` lists the members of column `c` top to bottom: real nodes `0..<nodeCount`, then virtual ones.
  private(set) var layers: [[Int]]
  /// The edges between column `c` and `c + 1`: upper and lower members and values, in link order.
  private let gaps: [Gap]
  /// Each member's neighbours in the column before it and in the column after it.
  private let up: Neighbours, down: Neighbours
  private let nodeCount: Int
  /// Each member's place in its column, kept in step with ``layers``.
  private var position: [Int]
  /// Link crossings between adjacent columns in ``layers``.
  private(set) var crossings = 0
  /// The improved order from each start (the given order first, then each shuffle), best first,
  /// virtual members included (``SankeyLayout`` numbers its slots the same way).
  private(set) var candidates: [[[Int]]] = []
  /// The crossings between adjacent columns of each of ``candidates`` (ascending).
  private(set) var candidateCrossings: [Int] = []

  /// How many shuffled restarts run before the search checks whether they still find better orders.
  static let restartBatch = 8

  /// The edges of one gap between adjacent columns, as parallel arrays.
  private struct Gap: Sendable {
    var from: [Int] = []
    var to: [Int] = []
    var weight: [Double] = []
  }

  /// Orders `columns` (real node indices per column, initial order first) for `links`
  /// (source, target, value; loops left out by the caller).
  init(
    columns: [[Int]], column: [Int], links: [(source: Int, target: Int, value: Double)], restarts: Int = 8,
    seed: UInt64 = 0x5A4E_4B45_5900, workers: Int = 2
  ) {
    nodeCount = column.count
    var layers = columns
    var gaps = [Gap](repeating: Gap(), count: max(columns.count - 1, 0))
    var next = column.count
    func add(_ c: Int, _ from: Int, _ to: Int, _ value: Double) {
      gaps[c].from.append(from)
      gaps[c].to.append(to)
      gaps[c].weight.append(max(value, 1e-9))
    }
    for link in links {
      let (a, b) = (column[link.source], column[link.target])
      guard b > a else { continue }
      var previous = link.source
      for c in (a + 1)..<b {
        layers[c].append(next)
        add(c - 1, previous, next, link.value)
        previous = next
        next += 1
      }
      add(b - 1, previous, link.target, link.value)
    }
    self.layers = layers
    self.gaps = gaps
    let pairs = gaps.map { gap in gap.from.indices.map { (gap.from[$0], gap.to[$0]) } }.joined()
    up = Neighbours(count: next, pairs: pairs.map { ($0.1, $0.0) })
    down = Neighbours(count: next, pairs: pairs.map { ($0.0, $0.1) })
    position = [Int](repeating: 0, count: next)
    for c in layers.indices { setPositions(c) }
    improve()
    var found = [(self.layers, crossings)]
    if crossings > 0 && restarts > 0 {
      // The shuffles are drawn in turn, then improved side by side: the same orders on any core count.
      var random = SplitMix64(seed: seed)
      let starts = (0..<restarts).map { _ in layers.map { random.shuffled($0) } }
      let base = self
      // A batch at a time; once a whole batch finds no order with fewer crossings than the ones
      // before it (or one without any), the remaining shuffles are left out.
      var done = 0
      while done < restarts {
        let fewest = found.map(\.1).min() ?? 0
        let first = done
        let batch = min(Self.restartBatch, restarts - done)
        found += sideBySide(batch, workers: workers) { k in
          var order = base
          order.layers = starts[first + k]
          for c in order.layers.indices { order.setPositions(c) }
          order.improve()
          return (order.layers, order.crossings)
        }
        done += batch
        let now = found.map(\.1).min() ?? 0
        if now >= fewest || now == 0 { break }
      }
    }
    found = found.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
    (self.layers, crossings) = found[0]
    for c in layers.indices { setPositions(c) }
    var seen = Set<[[Int]]>()
    let distinct = found.filter { seen.insert($0.0).inserted }
    candidates = distinct.map(\.0)
    candidateCrossings = distinct.map(\.1)
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
    for c in layers.indices { setPositions(c) }
    crossings = bestCount
  }

  private mutating func setPositions(_ c: Int) {
    for (k, m) in layers[c].enumerated() { position[m] = k }
  }

  private mutating func sweepDown() {
    guard layers.count > 1 else { return }
    for c in 1..<layers.count { reorder(c, members: gaps[c - 1].to, neighbours: gaps[c - 1].from, gap: c - 1) }
  }

  private mutating func sweepUp() {
    guard layers.count > 1 else { return }
    for c in stride(from: layers.count - 2, through: 0, by: -1) {
      reorder(c, members: gaps[c].from, neighbours: gaps[c].to, gap: c)
    }
  }

  /// Sorts layer `c` by the weighted mean position of each member's neighbours in the fixed layer
  /// (the edges of `gap`, `members[e]` in layer `c`); members without neighbours keep their place.
  private mutating func reorder(_ c: Int, members: [Int], neighbours: [Int], gap: Int) {
    let layer = layers[c]
    guard layer.count > 1 else { return }
    // Each member's slot in this layer, so the sums live in small arrays.
    var sum = [Double](repeating: 0, count: layer.count)
    var weight = sum
    let weights = gaps[gap].weight
    for e in members.indices {
      let slot = position[members[e]]
      sum[slot] += Double(position[neighbours[e]]) * weights[e]
      weight[slot] += weights[e]
    }
    for k in layer.indices { sum[k] = weight[k] > 0 ? sum[k] / weight[k] : Double(k) }
    // Insertion sort by key, then slot: a sweep mostly keeps the order (no closure, no copies).
    var slots = Array(layer.indices)
    for i in 1..<slots.count {
      let s = slots[i]
      var j = i
      while j > 0 && (sum[slots[j - 1]], slots[j - 1]) > (sum[s], s) {
        slots[j] = slots[j - 1]
        j -= 1
      }
      slots[j] = s
    }
    for k in layer.indices { layers[c][k] = layer[slots[k]] }
    setPositions(c)
  }

  /// Swaps neighbours in a column while that lowers the crossings around it. Swapping two
  /// neighbours changes only the crossings between their own links, so each swap weighs those.
  private mutating func transpose() {
    var improved = true
    var rounds = 0
    var above = up.scratch
    var below = down.scratch
    while improved && rounds < 8 {
      improved = false
      rounds += 1
      for c in layers.indices where layers[c].count > 1 {
        up.sortEnds(of: layers[c], position, into: &above)
        down.sortEnds(of: layers[c], position, into: &below)
        for k in 0..<(layers[c].count - 1) {
          let (u, v) = (layers[c][k], layers[c][k + 1])
          let (upNow, upSwapped) = up.crossings(u, v, above)
          let (downNow, downSwapped) = down.crossings(u, v, below)
          if upSwapped + downSwapped < upNow + downNow {
            layers[c].swapAt(k, k + 1)
            improved = true
          }
        }
        setPositions(c)
      }
    }
  }

  /// Per member, its neighbours across the gap above (`up`) or below: compressed rows in link order.
  private struct Neighbours: Sendable {
    private var start: [Int]
    private var members: [Int]

    /// The rows of `member[e]` → `neighbour[e]` over all gaps, for `count` members.
    init(count: Int, pairs: [(member: Int, neighbour: Int)]) {
      start = [Int](repeating: 0, count: count + 1)
      for p in pairs { start[p.member + 1] += 1 }
      for m in 0..<count { start[m + 1] += start[m] }
      var fill = start
      members = [Int](repeating: 0, count: pairs.count)
      for p in pairs {
        members[fill[p.member]] = p.neighbour
        fill[p.member] += 1
      }
    }

    /// A buffer for ``sortEnds(of:_:into:)``.
    var scratch: [Int] { [Int](repeating: 0, count: members.count) }

    /// Writes the positions of each of `layer`'s neighbours, ascending, into its row of `ends`.
    func sortEnds(of layer: [Int], _ position: [Int], into ends: inout [Int]) {
      for m in layer {
        // Insertion sort: a member has few neighbours.
        for i in start[m]..<start[m + 1] {
          let value = position[members[i]]
          var j = i
          while j > start[m] && ends[j - 1] > value {
            ends[j] = ends[j - 1]
            j -= 1
          }
          ends[j] = value
        }
      }
    }

    /// Crossings between the links of member `above` and those of `below` just beneath it (pairs
    /// of neighbour positions, one of each, the upper one's greater), and the same with the two
    /// swapped (the lower one's greater); in one pass over the rows sorted by ``sortEnds``.
    func crossings(_ above: Int, _ below: Int, _ ends: [Int]) -> (now: Int, swapped: Int) {
      var now = 0
      var swapped = 0
      var less = start[below]
      var notGreater = start[below]
      let last = start[below + 1]
      for i in start[above]..<start[above + 1] {
        while less < last && ends[less] < ends[i] { less += 1 }
        if notGreater < less { notGreater = less }
        while notGreater < last && ends[notGreater] <= ends[i] { notGreater += 1 }
        now += less - start[below]
        swapped += last - notGreater
      }
      return (now, swapped)
    }
  }

  /// All crossings between adjacent columns.
  func count() -> Int {
    var total = 0
    var keys: [Int] = []
    var tree: [Int] = []
    for (c, gap) in gaps.enumerated() where c + 1 < layers.count {
      total += Self.crossings(gap, position, lowerCount: layers[c + 1].count, keys: &keys, tree: &tree)
    }
    return total
  }

  /// Pairs of edges whose ends are in opposite orders (edges sharing an end never cross): edges
  /// sorted by upper end, then lower end; each lower end counts the ones already in the
  /// accumulator tree below a larger lower end (Barth, Jünger, Mutzel 2004).
  /// `keys` and `tree` are buffers, reused from gap to gap.
  private static func crossings(
    _ gap: Gap, _ position: [Int], lowerCount: Int, keys: inout [Int], tree: inout [Int]
  ) -> Int {
    guard gap.from.count > 1 else { return 0 }
    keys.removeAll(keepingCapacity: true)
    for e in gap.from.indices { keys.append(position[gap.from[e]] * lowerCount + position[gap.to[e]]) }
    keys.sort()
    var first = 1
    while first < lowerCount { first *= 2 }
    tree.removeAll(keepingCapacity: true)
    tree.append(contentsOf: repeatElement(0, count: 2 * first - 1))
    first -= 1
    var total = 0
    for key in keys {
      var index = key % lowerCount + first
      tree[index] += 1
      while index > 0 {
        if index % 2 == 1 { total += tree[index + 1] }
        index = (index - 1) / 2
        tree[index] += 1
      }
    }
    return total
  }
}

/// `body(k)` for `k` in `0..<count`, on `workers` threads (both cores by default; 1 runs them in
/// turn on the calling thread, for work that already runs side by side), in order of `k`
/// (``MonteCarloRunner``: each result depends on `k` alone, so the results are the same on any
/// number of cores).
func sideBySide<T: Sendable>(_ count: Int, workers: Int = 2, _ body: @escaping @Sendable (Int) -> T) -> [T] {
  (try? MonteCarloRunner(runs: count, workers: workers).run(isCancelled: { false }, body)) ?? []
}

/// `a()` and `b()` at the same time, on two threads.
func inParallel<A: Sendable, B: Sendable>(
  _ a: @escaping @Sendable () -> A, _ b: @escaping @Sendable () -> B
) -> (A, B) {
  let halves = sideBySide(2) { k -> (A?, B?) in k == 0 ? (a(), nil) : (nil, b()) }
  guard halves.count == 2, let first = halves[0].0, let second = halves[1].1 else { return (a(), b()) }
  return (first, second)
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
