import Foundation
import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

/// The bundled model behind a session with the MFA verbs, built once for every MFA test.
enum MFA {
  static let model: MaterialFlowModel = {
    do { return try MaterialFlowModel.bundled() } catch { fatalError("bundled model: \(error)") }
  }()

  static let catalog = MFAVerbs.catalog(baseline: model)

  static func session() -> Session { Session(catalog: catalog) }

  /// Runs `code` in a fresh session (or `session`) and returns the last table; records failures.
  static func table(_ code: String, in session: inout Session) -> Table {
    let result = session.run(code)
    #expect(result.succeeded, "\(code)\n\(result.renderedErrors)")
    for case .table(let t, _) in result.outputs.reversed() { return t }
    Issue.record("no table from \(code)")
    return Table([])
  }

  static func table(_ code: String) -> Table {
    var session = session()
    return table(code, in: &session)
  }

  /// The first error of `code`, rendered.
  static func error(_ code: String, in session: inout Session) -> Diagnostic? {
    session.run(code).errors.first
  }

  static func error(_ code: String) -> Diagnostic? {
    var session = session()
    return error(code, in: &session)
  }

  /// Flows of the bundled model in `year`.
  static func flows(_ year: Int) -> [Flow] { model.flows.filter { $0.year == year } }

  static func process(_ id: String) -> FlowModel.Process { model.processes.first { $0.id == id }! }
}

extension Table {
  func numbers(_ name: String) -> [Double] {
    guard case .number(let v)? = self[name]?.values else { return [] }
    return v
  }

  func texts(_ name: String) -> [String] {
    guard case .text(let v)? = self[name]?.values else { return [] }
    return Array(v)
  }

  func years(_ name: String) -> [Int] {
    guard case .year(let v)? = self[name]?.values else { return [] }
    return v
  }

  func bools(_ name: String) -> [Bool] {
    guard case .bool(let v)? = self[name]?.values else { return [] }
    return v
  }

  /// The row whose text column `key` is `value`.
  func row(_ key: String, _ value: String) -> Int? { texts(key).firstIndex(of: value) }

  /// The number in column `name` on the row whose `key` is `value`.
  func number(_ name: String, where key: String, is value: String) -> Double? {
    row(key, value).map { numbers(name)[$0] }
  }
}

/// Whether `a` and `b` agree to a relative 1e-9 (or an absolute 1e-6).
func close(_ a: Double, _ b: Double, _ relative: Double = 1e-9) -> Bool {
  abs(a - b) <= max(1e-6, relative * max(abs(a), abs(b)))
}
