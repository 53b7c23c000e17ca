import Foundation
import TestSupport
import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

/// `uncertainty`, `sensitivity` and `reconcile` end to end, from FlowQL source to tables.
@Suite struct UncertaintyVerbTests {
  /// A session with `mine` loaded from `flows` (and its processes file).
  static func session(_ flows: String) throws -> Session {
    let dir = try LoadVerbTests.folder(["f.csv": flows, "p.csv": LoadVerbTests.processes])
    var session = MFA.session()
    let result = session.run("load \"\(dir.path)/f.csv\" as mine processes \"\(dir.path)/p.csv\"")
    #expect(result.succeeded, "\(result.renderedErrors)")
    return session
  }

  /// One copper system, every flow measured; SMELT → MARKET is off by about 25 t.
  static let measured = """
    year,source,target,material,mass,sigma
    2020,MINE,MILL,Cu,100,5
    2020,MILL,SMELT,Cu,80,4
    2020,MILL,TAILINGS,Cu,20,2
    2020,SMELT,MARKET,Cu,105,3
    """

  @Test func sameSeedSameTableAndAnotherSeedAnother() {
    let query = "uncertainty runs 40 seed 3: dependence year 2022"
    let a = MFA.table(query)
    #expect(a == MFA.table(query))
    #expect(a != MFA.table("uncertainty runs 40 seed 4: dependence year 2022"))
    #expect(a.columnNames.contains("net_import_reliance_low") && a.columnNames.contains("imports_sd"))
  }

  /// The warning counts the rejected draws against every draw made (runs − 1 accepted plus the
  /// rejected), gives their share and names where they failed; same seed, same warning.
  @Test func redrawWarningCountsRejectedAgainstAllDraws() throws {
    var session = MFA.session()
    let query = "uncertainty runs 20: dependence years 2015..2022"
    let message = try #require(session.run(query).warnings.first { $0.message.contains("drawn again") }?.message)
    let words = message.split(separator: " ")
    let rejected = try #require(Int(words[0]))
    let attempts = try #require(Int(words[2]))
    #expect(words[1] == "of" && attempts == 19 + rejected)
    #expect(message.contains("(\(Int((Double(rejected) / Double(attempts) * 100).rounded())) %)"))
    #expect(message.contains("most often at ") && message.contains("conditional on feasibility"))
    #expect(session.run(query).warnings.contains { $0.message == message })
    #expect(!session.run("uncertainty runs 1: dependence year 2022").warnings.contains { $0.message.contains("drawn") })
  }

  @Test func runsOneIsTheBaseline() {
    let base = MFA.table("dependence years 2015..2022")
    let one = MFA.table("uncertainty runs 1: dependence years 2015..2022")
    for column in ["production", "imports", "net_import_reliance"] {
      #expect(one.numbers(column) == base.numbers(column))
      #expect(one.numbers(column + "_low") == base.numbers(column))
      #expect(one.numbers(column + "_high") == base.numbers(column))
      #expect(one.numbers(column + "_sd").allSatisfy { $0 == 0 })
    }
  }

  /// A measured flow passed straight through is normal(mass, σ): its 5th and 95th percentiles
  /// over 2,000 runs lie within four standard errors of mass ∓ 1.645 σ.
  @Test func percentilesOfANormalFlowMatchTheAnalyticOnes() throws {
    var session = try Self.session(Self.measured)
    let t = MFA.table(
      "uncertainty runs 2000: flows | in mine | where source == \"MINE\" | select year, mass", in: &session)
    let n = 2000.0
    let se =
      (0.05 * 0.95 / n).squareRoot()
      / (exp(-1.6448536269514722 * 1.6448536269514722 / 2) / (2 * Double.pi).squareRoot())
    #expect(abs(t.numbers("mass_low")[0] - (100 - 1.6448536269514722 * 5)) < 4 * se * 5)
    #expect(abs(t.numbers("mass_high")[0] - (100 + 1.6448536269514722 * 5)) < 4 * se * 5)
    #expect(abs(t.numbers("mass_sd")[0] - 5) < 0.3)
  }

  @Test func studyUnderUncertaintySaysWhetherTheTargetIsInside() {
    let t = MFA.table("uncertainty runs 30: study")
    let verdicts = t.texts("interval")
    #expect(verdicts.count == t.rowCount)
    for row in 0..<t.rowCount where !t.numbers("target")[row].isNaN {
      let inside =
        t.numbers("model_low")[row] <= t.numbers("target")[row]
        && t.numbers("target")[row] <= t.numbers("model_high")[row]
      #expect((verdicts[row] == "inside") == inside)
    }
  }

  @Test func sensitivityGivesZeroSwingToAnUnusedParameter() {
    // A price fraction changes values, never masses: net import reliance does not move.
    let t = MFA.table(
      """
      sensitivity of SCRAP_PRICE_FRACTION, REO_FACTOR_EXPORTS: dependence year 2022 | where material == "LREE"
        | select net_import_reliance
      """)
    #expect(t.texts("parameter") == ["REO_FACTOR_EXPORTS", "SCRAP_PRICE_FRACTION"])
    #expect(t.numbers("swing")[1] == 0)
    #expect(t.numbers("swing")[0] > 0)
    #expect(t.numbers("low") == [0.85, 0.3] && t.numbers("high") == [0.95, 0.7])
  }

  @Test func sensitivityEndsAreTheModelAtEachEnd() throws {
    let t = MFA.table("sensitivity of SEP_LOSS: dependence year 2022 | where material == \"LREE\" | select imports")
    let low = try MFA.model.withParameters(["SEP_LOSS": 0.08])
    let high = try MFA.model.withParameters(["SEP_LOSS": 0.12])
    func imports(_ m: MaterialFlowModel) throws -> Double {
      try m.dependence(of: ["LREE"], years: 2022...2022, by: .material).numbers("imports")[0]
    }
    #expect(t.numbers("result_low") == [try imports(low)])
    #expect(t.numbers("result_high") == [try imports(high)])
  }

  @Test func reconcileFindsTheWrongMeasurementAndKeepsTheModel() throws {
    var session = try Self.session(Self.measured)
    let result = session.run("reconcile as fixed | in mine\nbalance | in fixed")
    #expect(result.succeeded, "\(result.renderedErrors)")
    guard case .table(let t, _)? = result.outputs.first(where: { if case .table = $0 { true } else { false } }) else {
      Issue.record("no table")
      return
    }
    #expect(t.caption?.contains("χ² = ") == true && t.caption?.contains("2 degrees of freedom") == true)
    let z = t.numbers("z")
    #expect(abs(z[3]) > 1.96)
    #expect(result.warnings.contains { $0.message.contains("SMELT → MARKET (2020)") })
    let balance = try #require(result.outputs.compactMap { if case .table(let b, _) = $0 { b } else { nil } }.last)
    #expect(balance.bools("ok").allSatisfy { $0 })
  }

  static let errorCases: [(String, String, String)] = [
    (
      "reconcile-no-redundancy",
      "year,source,target,material,mass,sigma\n2020,MINE,MILL,Cu,100,5\n2020,MILL,SMELT,Cu,,\n2020,SMELT,MARKET,Cu,,\n",
      "reconcile | in mine"
    ),
    (
      "reconcile-contradictory-exact",
      "year,source,target,material,mass,sigma\n2020,MINE,MILL,Cu,100,0\n2020,MILL,SMELT,Cu,90,0\n2020,SMELT,MARKET,Cu,90,2\n2020,SMELT,TAILINGS,Cu,1,1\n",
      "reconcile | in mine"
    ),
    (
      "uncertainty-level", "year,source,target,material,mass\n2020,MINE,MILL,Cu,100\n", "uncertainty level 150 %: flows"
    ),
    (
      "sensitivity-two-columns", "year,source,target,material,mass\n2020,MINE,MILL,Cu,100\n",
      "sensitivity: dependence year 2022"
    ),
  ]

  @Test(arguments: errorCases.map(\.0))
  func badInputGetsAGoldenError(_ name: String) throws {
    let (_, flows, query) = try #require(Self.errorCases.first { $0.0 == name })
    var session = try Self.session(flows)
    let result = session.run(query)
    let error = try #require(result.errors.first, "\(name) did not fail")
    #expect(error.code == .verbFailed)
    let text = "input:\n    \(query)\n\n" + error.render(source: query)
    if let mismatch = snapshotMismatch(of: text, named: "\(name).txt") { Issue.record("\(mismatch)") }
  }

  @Test func negativeSigmaIsALoadErrorWithTheLine() throws {
    let dir = try LoadVerbTests.folder([
      "f.csv": "year,source,target,material,mass,sigma\n2020,MINE,MILL,Cu,100,-5\n", "p.csv": LoadVerbTests.processes,
    ])
    var session = MFA.session()
    let result = session.run("load \"\(dir.path)/f.csv\" as mine processes \"\(dir.path)/p.csv\"")
    let error = try #require(result.errors.first)
    #expect(error.message.contains("f.csv:2:6 (sigma)") && error.message.contains("-5.0 is negative"))
  }
}
