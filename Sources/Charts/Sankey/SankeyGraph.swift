import FlowModel

/// How a Sankey node is drawn, read from the nodes table's `kind` column.
enum SankeyNodeKind: Sendable, Hashable {
  case process, boundarySource, boundarySink, sink, stock

  /// The kind a nodes table's `kind` names, in any case, with `_` or a space between words.
  init(_ text: String) {
    self = Self.named[text] ?? Self.named[String(text.lowercased().map { $0 == "_" ? " " : $0 })] ?? .process
  }

  private static let named: [String: SankeyNodeKind] = [
    "process": .process, "boundary source": .boundarySource, "boundary sink": .boundarySink, "sink": .sink,
    "sink (negative product)": .sink, "stock": .stock,
  ]

  var isBoundary: Bool { self == .boundarySource || self == .boundarySink }
}

/// A node of the diagram, with what the nodes table says about it.
struct SankeyNode: Sendable {
  var id: String
  var name: String
  var stage: String?
  var stageOrder: Double?
  var kind: SankeyNodeKind
}

/// A flow between two nodes; loops (return flows) are drawn as arcs under the diagram.
struct SankeyLink: Sendable {
  var source: Int
  var target: Int
  var value: Double
  /// The colour key (e.g. the material), "Other" for lumped small flows, `nil` without split.
  var split: String?
  var isLoop: Bool
}

/// The graph a links table (and optional nodes table) describes, cleaned for drawing:
/// duplicate rows added, non-positive flows dropped, small flows lumped, loops found.
struct SankeyGraph: Sendable {
  var nodes: [SankeyNode] = []
  var links: [SankeyLink] = []
  var notes: [String] = []
  /// Per loop link, the warning text (kept in link order).
  var loopMessages: [Int: String] = [:]
  /// The height each node's label needs, set by the renderer before the layout, which keeps that
  /// much room around nodes shorter than their labels (empty: no labels to make room for).
  var labelHeights: [Double] = []
  /// The kind of a node that groups rows of the nodes table (`sankey … by stage`: `Losses`), when
  /// every row it groups has that kind.
  private var groupKinds: [String: SankeyNodeKind] = [:]

  init(table: Table, chart: ResolvedChart, spec: ChartSpec, unit: (Double) -> String) {
    guard case .text(let sources)? = table[chart.x]?.values,
      case .text(let targets)? = table[chart.target ?? "target"]?.values,
      let valueName = chart.y.first, case .number(let values)? = table[valueName]?.values
    else { return }
    var splits: [String]? = nil
    if let s = chart.series, case .text(let v)? = table[s]?.values { splits = Array(v) }
    var loops: [Bool]? = nil
    if case .bool(let v)? = table["is_loop"]?.values { loops = v }

    var index: [String: Int] = [:]
    if let nodesTable = spec.nodes { readNodes(nodesTable, into: &index) }
    func node(_ id: String) -> Int {
      if let i = index[id] { return i }
      index[id] = nodes.count
      nodes.append(
        SankeyNode(id: id, name: stockName(id) ?? id, stage: nil, stageOrder: nil, kind: groupKinds[id] ?? .process))
      return nodes.count - 1
    }
    // A stock's accumulation node (`USE (stock +)`) is named after its process, like every node.
    func stockName(_ id: String) -> String? {
      for suffix in [" (stock +)", " (stock −)"] where id.hasSuffix(suffix) {
        if let base = index[String(id.dropLast(suffix.count))] { return nodes[base].name + suffix }
      }
      return nil
    }

    // Add up rows with the same source, target and split; drop flows that are not positive.
    var key: [String: Int] = [:]
    var skipped = 0
    for row in 0..<table.rowCount {
      let v = values[row]
      guard v.isFinite, v > 0 else {
        if !(v == 0) { skipped += 1 }
        continue
      }
      let s = node(sources[row])
      let t = node(targets[row])
      let split = splits?[row]
      let k = "\(s)\u{1}\(t)\u{1}\(split ?? "")"
      if let existing = key[k] {
        links[existing].value += v
        links[existing].isLoop = links[existing].isLoop || (loops?[row] ?? false)
      } else {
        key[k] = links.count
        links.append(SankeyLink(source: s, target: t, value: v, split: split, isLoop: (loops?[row] ?? false) || s == t))
      }
    }
    if skipped > 0 { notes.append("\(skipped) flows with negative or missing values were not drawn") }
    if let min = spec.min, min > 0 { lump(below: min, unit: unit) }
    // Keep only nodes that still carry a flow, in their first order.
    var used = [Bool](repeating: false, count: nodes.count)
    for link in links {
      used[link.source] = true
      used[link.target] = true
    }
    var remap = [Int](repeating: -1, count: nodes.count)
    var kept: [SankeyNode] = []
    for (i, n) in nodes.enumerated() where used[i] {
      remap[i] = kept.count
      kept.append(n)
    }
    nodes = kept
    for i in links.indices {
      links[i].source = remap[links[i].source]
      links[i].target = remap[links[i].target]
    }
  }

  private mutating func readNodes(_ table: Table, into index: inout [String: Int]) {
    guard case .text(let ids)? = (table["id"] ?? table["name"])?.values else { return }
    var names: [String]? = nil
    var stages: [String]? = nil
    var kinds: [String]? = nil
    if case .text(let v)? = table["name"]?.values { names = Array(v) }
    if case .text(let v)? = table["stage"]?.values { stages = Array(v) }
    if case .text(let v)? = table["kind"]?.values { kinds = Array(v) }
    var orders: [Double]? = nil
    switch table["stage_order"]?.values {
    case .number(let v)?: orders = v
    case .year(let v)?: orders = v.map(Double.init)
    default: break
    }
    groupKinds = Self.groupKinds(table, kinds: kinds)
    for row in 0..<table.rowCount where index[ids[row]] == nil {
      index[ids[row]] = nodes.count
      let order = orders?[row]
      nodes.append(
        SankeyNode(
          id: ids[row], name: names?[row].isEmpty == false ? names?[row] ?? ids[row] : ids[row],
          stage: stages?[row], stageOrder: order?.isFinite == true ? order : nil,
          kind: SankeyNodeKind(kinds?[row] ?? "")))
    }
  }

  /// For each value of the nodes table's `name`, `stage` and `kind` columns, the kind all its rows
  /// share: a node named after a group (`by stage`: `Losses`, `by kind`: `sink`) is drawn as one.
  private static func groupKinds(_ table: Table, kinds: [String]?) -> [String: SankeyNodeKind] {
    guard let kinds else { return [:] }
    var shared: [String: SankeyNodeKind] = [:]
    var mixed = Set<String>()
    let rowKinds = kinds.map(SankeyNodeKind.init)
    for column in ["name", "stage", "kind"] {
      guard case .text(let values)? = table[column]?.values else { continue }
      for (row, value) in values.enumerated() {
        let kind = rowKinds[row]
        if shared[value, default: kind] != kind { mixed.insert(value) }
        shared[value] = kind
      }
    }
    return shared.filter { !mixed.contains($0.key) }
  }

  /// Lumps flows below `min` into one "Other" flow per node pair when split by a column,
  /// and drops what stays below `min`, with a note.
  private mutating func lump(below min: Double, unit: (Double) -> String) {
    var result: [SankeyLink] = []
    var otherIndex: [String: Int] = [:]
    var lumpedCount = 0
    for link in links {
      if link.value >= min || link.isLoop {
        result.append(link)
        continue
      }
      lumpedCount += 1
      let k = "\(link.source)\u{1}\(link.target)"
      if let i = otherIndex[k] {
        result[i].value += link.value
      } else {
        otherIndex[k] = result.count
        result.append(
          SankeyLink(
            source: link.source, target: link.target, value: link.value,
            split: link.split == nil ? nil : "Other", isLoop: false))
      }
    }
    var members: [Int: Int] = [:]
    for link in links where link.value < min && !link.isLoop {
      if let slot = otherIndex["\(link.source)\u{1}\(link.target)"] { members[slot, default: 0] += 1 }
    }
    var droppedFlows = 0
    var droppedTotal = 0.0
    var final: [SankeyLink] = []
    for (i, link) in result.enumerated() {
      if let count = members[i], link.value < min {
        droppedFlows += count
        droppedTotal += link.value
      } else {
        final.append(link)
      }
    }
    links = final
    guard lumpedCount > 0 else { return }
    var note = "\(lumpedCount) flows below \(unit(min))"
    if droppedFlows == lumpedCount {
      note += " (\(unit(droppedTotal)) in total) were not drawn"
    } else {
      note += ": \(lumpedCount - droppedFlows) lumped into \"Other\""
      if droppedFlows > 0 { note += ", \(droppedFlows) (\(unit(droppedTotal)) in total) not drawn" }
    }
    notes.append(note)
  }
}
