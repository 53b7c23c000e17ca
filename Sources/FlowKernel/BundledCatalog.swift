import FlowMFA
import FlowModel
import FlowQL

/// The catalog the kernel starts with: the bundled rare-earth model as `baseline`, its tables
/// (`flows`, `processes`, `stocks`) and the MFA verbs.
enum BundledCatalog {
  static func make() throws -> Catalog {
    MFAVerbs.catalog(baseline: try MaterialFlowModel.bundled())
  }
}
