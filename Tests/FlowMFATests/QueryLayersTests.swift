import Testing

@testable import FlowMFA
@testable import FlowModel
@testable import FlowQL

/// Which layers of the flows a query reads (``VerbQuery/flowLayers(_:)``), and that
/// `uncertainty` gives the same numbers whether it derives the mass layer alone or all three.
@Suite struct QueryLayersTests {
  /// `layers: query` answers with the layers `query` reads.
  struct LayersProbe: Verb {
    let signature = VerbSignature(
      name: "layers", summary: "The layers of the flows the query after `:` reads.", example: "layers: flows",
      clauses: [.init(":", .query, summary: "the query")])

    func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
      let layers = call.clause(":")?.query?.flowLayers(catalog.verbs)
      return VerbOutput(Table([.text("layers", [layers == .mass ? "mass" : "all"])]))
    }
  }

  static func layers(_ query: String) -> String {
    var catalog = MFA.catalog
    catalog.verbs.register(LayersProbe())
    var session = Session(catalog: catalog)
    let result = session.run("scenario more_ore { scale \"IMP_CONC_US\" -> \"CONC\" by 2 }")
    #expect(result.succeeded)
    return MFA.table("layers: " + query, in: &session).texts("layers").first ?? "no table"
  }

  @Test func aMassVerbFollowedByTableStagesReadsMassOnly() {
    #expect(Self.layers("dependence years 2015..2022") == "mass")
    #expect(Self.layers("dependence year 2022 by stage") == "mass")
    #expect(
      Self.layers("dependence year 2022 | where material == \"LREE\" | select net_import_reliance | sort year")
        == "mass")
  }

  @Test func everythingElseReadsAllLayers() {
    for query in [
      "mfca year 2022", "balance year 2022", "flows | where year == 2022",
      "dependence years 2015..2022 | in more_ore",
      "dependence year 2022 | join left flows on material = material",
      "dependence year 2022 | sql",
    ] {
      #expect(Self.layers(query) == "all", "\(query)")
    }
  }

  /// The dependence verb is the one that says it reads mass only; `mfca` reads cost and value.
  @Test func signaturesSayWhatTheyRead() {
    #expect(DependenceVerb().signature.reads == .mass)
    #expect(MFCAVerb().signature.reads == .all)
  }

  /// A mass-only query and the same query forced to derive every layer (`| in baseline` reads
  /// all) give the same intervals to the bit.
  @Test func uncertaintyGivesTheSameNumbersWithMassOnlyDraws() {
    let query = "uncertainty runs 40 seed 9: dependence years 2015..2022"
    let mass = MFA.table(query)
    let all = MFA.table(query + " | in baseline")
    #expect(Self.layers("dependence years 2015..2022 | in baseline") == "all")
    #expect(mass.rowCount == 16)
    for column in mass.columnNames where column != "year" && column != "material" {
      #expect(
        mass.numbers(column).elementsEqual(all.numbers(column)) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(column)")
    }
  }
}
