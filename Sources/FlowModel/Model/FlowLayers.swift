/// Which layers of a model's flows a computation reads.
///
/// The bundled model derives three layers: mass by the rules, value from the price book and cost
/// by MFCA propagation. A Monte Carlo run whose query reads only mass (`dependence`, whose verb
/// says so in its signature) derives only the mass layer of each drawn model: its cost and value
/// stay 0, and what it reads is the same, to the bit, as on a model with every layer.
///
/// ```
/// let drawn = try model.drawn(inputs, &stream, redraws: &redraws, layers: .mass)
/// drawn.flows.costs.allSatisfy { $0 == 0 }  // true
/// ```
public enum FlowLayers: Sendable, Hashable {
  /// Mass, with the flows' years, ids, materials, goods, provenance and rules, and the stocks.
  case mass
  /// Mass, cost and value.
  case all
}
