/// The numbering of processes and materials while the bundled model is derived: each process of
/// ``RareEarthRecipe/order`` has its position as its slot, any other target (a sink, a target a
/// scenario names) the next free slot; the element groups come first among the materials, then
/// any material a scenario creates, in the order first seen.
///
/// A flow's target is looked up once, and what the processes receive is kept in flat arrays
/// instead of dictionaries keyed by strings.
struct DerivationSlots {
  private(set) var processes: [String: Int]
  private(set) var materials: [String] = RareEarthRecipe.materials
  /// How many slots are taken.
  private(set) var count: Int

  /// The slots of the evaluation order.
  static let ordered = DerivationSlots(RareEarthRecipe.order)

  private init(_ order: [String]) {
    processes = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    count = order.count
  }

  /// The slot of process `id`, numbering it when new.
  mutating func slot(_ id: String) -> Int {
    if let s = processes[id] { return s }
    processes[id] = count
    count += 1
    return count - 1
  }

  /// The slot of the `k`-th flow out of the process at `position`: the slot that flow had in the
  /// last pass when its target is the same string (no hashing: a rule names its targets in the
  /// same order every pass), else ``slot(_:)``.
  mutating func slot(_ id: String, flow k: Int, from position: Int) -> Int {
    if position < recent.count, k < recent[position].count, recent[position][k].id == id {
      return recent[position][k].slot
    }
    let s = slot(id)
    while recent.count <= position { recent.append([]) }
    if k < recent[position].count {
      recent[position][k] = (id, s)
    } else if k == recent[position].count {
      recent[position].append((id, s))
    }
    return s
  }

  /// The targets and slots of the flows out of each position, as last looked up.
  private var recent: [[(id: String, slot: Int)]] = []

  /// The index of `material`, numbering it when new.
  mutating func material(_ name: String) -> Int {
    if let m = materials.firstIndex(of: name) { return m }
    materials.append(name)
    return materials.count - 1
  }

  /// The slot of `id` when it is numbered.
  func existingSlot(_ id: String) -> Int? { processes[id] }
}

/// What the processes receive during one pass of one year: mass by material and slot, and the
/// weakest provenance of the (non-empty) flows into each slot.
struct Inflows {
  /// `mass[material][slot]`; a slot or material beyond the arrays has received nothing.
  private(set) var mass: [[Double]] = []
  /// The weakest provenance of the non-empty flows into each slot (found when none).
  private(set) var tags: [ProvenanceTag] = []

  /// Adds a flow of `mass` t of material `m` with provenance `tag` into `slot`.
  mutating func add(slot: Int, material m: Int, mass value: Double, tag: ProvenanceTag) {
    while mass.count <= m { mass.append([]) }
    if mass[m].count <= slot { mass[m] += repeatElement(0, count: slot + 1 - mass[m].count) }
    mass[m][slot] += value
    guard value != 0 else { return }
    if tags.count <= slot { tags += repeatElement(.found, count: slot + 1 - tags.count) }
    tags[slot] = min(tags[slot], tag)
  }

  /// The mass of material `m` into `slot`.
  func mass(slot: Int, material m: Int) -> Double {
    m < mass.count && slot < mass[m].count ? mass[m][slot] : 0
  }

  /// The weakest provenance of the flows into `slot`.
  func tag(slot: Int) -> ProvenanceTag { slot < tags.count ? tags[slot] : .found }

  /// The largest difference between two passes' masses, material by material and slot by slot.
  static func maxDifference(_ a: Inflows, _ b: Inflows) -> Double {
    var result = 0.0
    for m in 0..<max(a.mass.count, b.mass.count) {
      let slots = max(m < a.mass.count ? a.mass[m].count : 0, m < b.mass.count ? b.mass[m].count : 0)
      for slot in 0..<slots {
        result = max(result, abs(a.mass(slot: slot, material: m) - b.mass(slot: slot, material: m)))
      }
    }
    return result
  }
}

/// One process's inflow by material, as a rule reads it.
struct MaterialMasses {
  let inflows: Inflows
  let slot: Int?
  let materials: [String]

  /// The mass of `material` (nil when the material is not known to the derivation).
  subscript(_ material: String) -> Double? {
    guard let m = materials.firstIndex(of: material) else { return nil }
    return slot.map { inflows.mass(slot: $0, material: m) } ?? 0
  }

  /// The sum over the materials, in their order.
  var total: Double {
    var sum = 0.0
    for m in materials.indices { sum += slot.map { inflows.mass(slot: $0, material: m) } ?? 0 }
    return sum
  }
}
