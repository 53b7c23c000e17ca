public import FlowModel
public import FlowQL

/// The material-flow-analysis verbs: `balance`, `sankey`, `dependence`, `value_added`, `mfca`,
/// `upstream`, `downstream`, `path`, `study`, `scenario`, `compare`, `load`, `models`, `uncertainty`, `sensitivity` and `reconcile`.
///
/// They run on the catalog's current model (``ModelSet/current``): `baseline` unless the query
/// says `| in name`.
///
/// ```
/// let catalog = Catalog(tables: baseline.tables, verbs: MFAVerbs.registry,
///                       models: ModelSet(baseline: baseline))
/// ```
public enum MFAVerbs {
  /// Every MFA verb.
  public static let all: [any Verb] = [
    BalanceVerb(), SankeyVerb(), DependenceVerb(), ValueAddedVerb(), MFCAVerb(),
    FlowSubsetVerb(.upstream), FlowSubsetVerb(.downstream), FlowSubsetVerb(.path), StudyVerb(),
    ScenarioVerb(), CompareVerb(), LoadVerb(), ModelsVerb(), StockModelVerb(), UncertaintyVerb(), SensitivityVerb(),
    ReconcileVerb(),
  ]

  /// A registry holding every MFA verb.
  public static var registry: VerbRegistry { VerbRegistry(all) }

  /// A catalog over `model` as `baseline`, with the MFA verbs.
  public static func catalog(baseline model: MaterialFlowModel) -> Catalog {
    let baseline = NamedModel(name: ModelSet.baselineName, model: model, origin: .bundled)
    return Catalog(tables: baseline.tables, verbs: registry, models: ModelSet(baseline: baseline))
  }

  // MARK: - Shared clauses

  static let yearClause = VerbClauseSpec(
    "year", .one, summary: "one year (default: the latest year of the model)", values: .years)
  static let yearsClause = VerbClauseSpec(
    "years", .one, summary: "a range of years, as in `2015..2022`", values: .years)
}
