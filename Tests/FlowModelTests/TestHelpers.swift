import Foundation
import Testing

@testable import FlowModel

/// The bundled models, derived once per test process.
enum Bundled {
  static let official: MaterialFlowModel? = try? MaterialFlowModel.bundled()
  static let undocumented: MaterialFlowModel? = try? MaterialFlowModel.bundled(mode: .undocumented)

  static func model(_ mode: SupplyMode = .official) throws -> MaterialFlowModel {
    try #require(mode == .official ? official : undocumented)
  }
}

extension Table {
  /// The numbers of column `name` (empty when missing or not numeric).
  func numbers(_ name: String) -> [Double] {
    if case .number(let v)? = self[name]?.values { return v }
    return []
  }

  /// The texts of column `name`.
  func texts(_ name: String) -> [String] {
    if case .text(let v)? = self[name]?.values { return Array(v) }
    return []
  }

  /// The years of column `name`.
  func yearValues(_ name: String) -> [Int] {
    if case .year(let v)? = self[name]?.values { return v }
    return []
  }

  /// The truth values of column `name`.
  func bools(_ name: String) -> [Bool] {
    if case .bool(let v)? = self[name]?.values { return v }
    return []
  }
}

/// The URL of a fixture file.
func fixture(_ name: String) throws -> URL {
  let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  return folder.appendingPathComponent(name)
}

/// Sums the mass of `flows` that pass `keep`.
func mass(_ flows: some Sequence<Flow>, _ keep: (Flow) -> Bool) -> Double {
  flows.filter(keep).reduce(0) { $0 + $1.mass }
}

/// Whether `a` and `b` agree to a relative tolerance.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b), 1)
}
