/// The F/D/E provenance of a number: found in a source, derived by stated arithmetic, estimated.
///
/// Tags are ordered by strength (`estimated < derived < found`); a number computed from several
/// inputs is no stronger than its weakest input (``weakest(_:)``), and a number computed by a
/// rule is at most derived.
enum ProvenanceTag: Int, Comparable, Sendable {
  case estimated
  case derived
  case found

  /// The tag written in the data files and the flows table (`E`, `D` or `F`); an unknown text is
  /// taken as an estimate.
  init(_ text: String) {
    switch text {
    case "F": self = .found
    case "D": self = .derived
    default: self = .estimated
    }
  }

  /// `F`, `D` or `E`.
  var text: String {
    switch self {
    case .found: return "F"
    case .derived: return "D"
    case .estimated: return "E"
    }
  }

  static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

  /// The weakest of `tags`, at most ``derived`` (a rule's output is computed, never found).
  static func weakest(_ tags: [ProvenanceTag]) -> ProvenanceTag {
    tags.reduce(.derived) { min($0, $1) }
  }
}
