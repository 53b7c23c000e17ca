import FlowModel
import FlowQL

/// `mfca [of names] [year Y | years A..B]`: material flow cost accounting (ISO 14051).
struct MFCAVerb: Verb {
  let signature = VerbSignature(
    name: "mfca",
    summary: """
      Material flow cost accounting (ISO 14051) per quantity centre and year: product and loss \
      mass, material / energy / system cost to products and to losses, waste-management cost \
      and the total cost of losses. A loss is a flow into a loss process; material returned to \
      production (scrap, recycling) is a product of the centre that sends it. Material, energy \
      and system costs are split by mass share; waste management goes to losses (to products \
      when nothing is lost). On every row, material_cost_product + energy_cost_product + \
      system_cost_product + waste_mgmt_cost_product + total_loss_cost = all costs of the centre.
      Columns: year, process, product_mass, loss_mass (t), loss_share (%), \
      material_cost_product, material_loss_cost, energy_cost_product, energy_loss_cost, \
      system_cost_product, system_loss_cost, waste_mgmt_cost, total_loss_cost, \
      waste_mgmt_cost_product (US$).
      """,
    example: "mfca of \"SEP\" year 2022",
    clauses: [
      .init("of", .list, summary: "quantity centres (default: all)", values: .processes),
      MFAVerbs.yearClause, MFAVerbs.yearsClause,
    ])

  func evaluate(_ call: VerbCall, catalog: Catalog, isCancelled: () -> Bool) throws -> VerbOutput {
    let context = try MFAContext(call, catalog)
    let processes = try context.processes("of")
    let years = try context.years()
    let table = try context.compute("of") { try context.model.mfca(of: processes, years: years.range) }
    return VerbOutput(table.captioned(context.caption("mfca", years)))
  }
}
