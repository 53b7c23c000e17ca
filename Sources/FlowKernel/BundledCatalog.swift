import FlowModel
import FlowQL

/// The catalog the kernel starts with: the bundled rare-earth model's tables.
enum BundledCatalog {
  static func make() throws -> Catalog {
    let model = try MaterialFlowModel.bundled()
    return Catalog(
      tables: ["flows": model.flowsTable(), "processes": model.processesTable(), "stocks": model.stocksTable()])
  }
}
