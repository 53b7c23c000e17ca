/// How many Monte Carlo draws of a model were made, how many were infeasible (not
/// mass-balanced) and drawn again, and where each rejected draw first failed.
///
/// ```
/// var redraws = Redraws()
/// let drawn = try model.drawn(inputs, &stream, redraws: &redraws)
/// print(redraws.rejected, "of", redraws.attempts)
/// ```
public struct Redraws: Sendable, Equatable {
  /// Draws made: the accepted ones and the rejected ones.
  public var attempts = 0
  /// Draws rejected because some process did not balance.
  public var rejected = 0
  /// Rejected draws by the place that failed first, as `2016 PRIM LREE`.
  public var places: [String: Int] = [:]

  /// No draws yet.
  public init() {}

  /// The share of draws rejected (0 when none were made).
  public var rate: Double { attempts > 0 ? Double(rejected) / Double(attempts) : 0 }

  /// Adds another set of draws (another run or another model).
  public mutating func add(_ other: Redraws) {
    attempts += other.attempts
    rejected += other.rejected
    for (place, n) in other.places { places[place, default: 0] += n }
  }

  /// The places, most frequent first (ties in name order), at most `limit`.
  public func commonest(_ limit: Int) -> [(place: String, count: Int)] {
    let sorted = places.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    return sorted.prefix(limit).map { (place: $0.key, count: $0.value) }
  }

  /// Records one rejected draw from the notes of its derivation: the place is the year, process
  /// and material of the first note about fixed outflows exceeding the inflow, else `a process`.
  mutating func reject(notes: [String]) {
    rejected += 1
    let note = notes.first(where: RareEarthRecipe.isClampNote)
    let place = note.flatMap { $0.split(separator: ":").first.map(String.init) } ?? "a process"
    places[place, default: 0] += 1
  }
}
