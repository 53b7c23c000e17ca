/// Integer indices over a model's flows, so computations avoid per-row dictionary look-ups.
struct FlowIndex: Sendable {
  /// Process id → position in the model's `processes`.
  let processIndex: [String: Int]
  /// Distinct years, ascending.
  let years: [Int]
  /// Distinct materials, in order of first appearance.
  let materials: [String]
  /// Material name → position in `materials`.
  let materialIndex: [String: Int]
  /// Per flow: the source process index.
  let source: [Int]
  /// Per flow: the target process index.
  let target: [Int]
  /// Per flow: the material index.
  let material: [Int]
  /// Per flow: the year index (position in `years`).
  let year: [Int]
  /// Per year index: the range of flow positions of that year (flows are sorted by year).
  let yearRanges: [Range<Int>]
  /// Per process index: the distinct successor process indices.
  let successors: [[Int]]
  /// Per process index: the distinct predecessor process indices.
  let predecessors: [[Int]]

  init(processes: [Process], flows: [Flow]) {
    var processIndex: [String: Int] = [:]
    for (i, p) in processes.enumerated() { processIndex[p.id] = i }
    var materials: [String] = []
    var materialIndex: [String: Int] = [:]
    var years: [Int] = []
    var source = [Int](repeating: 0, count: flows.count)
    var target = source
    var material = source
    var year = source
    var ranges: [Range<Int>] = []
    var succ = Array(repeating: Set<Int>(), count: processes.count)
    for (i, flow) in flows.enumerated() {
      if years.last != flow.year {
        if !years.isEmpty { ranges.append((ranges.last?.upperBound ?? 0)..<i) }
        years.append(flow.year)
      }
      year[i] = years.count - 1
      let m: Int
      if let known = materialIndex[flow.material] {
        m = known
      } else {
        m = materials.count
        materials.append(flow.material)
        materialIndex[flow.material] = m
      }
      material[i] = m
      let s = processIndex[flow.source] ?? 0
      let t = processIndex[flow.target] ?? 0
      source[i] = s
      target[i] = t
      succ[s].insert(t)
    }
    if !years.isEmpty { ranges.append((ranges.last?.upperBound ?? 0)..<flows.count) }
    var pred = Array(repeating: [Int](), count: processes.count)
    for (s, targets) in succ.enumerated() {
      for t in targets { pred[t].append(s) }
    }
    self.processIndex = processIndex
    self.years = years
    self.materials = materials
    self.materialIndex = materialIndex
    self.source = source
    self.target = target
    self.material = material
    self.year = year
    self.yearRanges = ranges
    self.successors = succ.map { $0.sorted() }
    self.predecessors = pred.map { $0.sorted() }
  }

  /// The position of `year` in `years`, or `nil`.
  func yearPosition(_ year: Int) -> Int? {
    guard let first = years.first, year >= first else { return nil }
    let i = year - first
    if i < years.count, years[i] == year { return i }
    return years.firstIndex(of: year)
  }
}
