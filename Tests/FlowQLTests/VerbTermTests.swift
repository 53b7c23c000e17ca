import FlowModel
import Testing

@testable import FlowQL

/// `.term` clauses: `name(value, label = value, …)` reaches the verb evaluated, labels kept.
@Suite struct VerbTermTests {
  @Test func termArgumentsAreEvaluatedWithTheirLabels() {
    var session = Fixtures.session()
    _ = session.run("let k = 2")
    let result = session.run("echo term weibull(shape = k + 0.5, 14)")
    #expect(result.succeeded, "\(result.renderedErrors)")
    guard case .table(let table, _)? = result.outputs.last, case .text(let values)? = table["argument"]?.values
    else {
      Issue.record("no table")
      return
    }
    #expect(
      Array(values) == [
        "term:weibull(shape=value(FlowModel.Cell.number(2.5, FlowModel.Dimension.none)), value(FlowModel.Cell.number(14.0, FlowModel.Dimension.none)))"
      ])
  }

  @Test func anUnclosedTermPointsAtItsParenthesis() {
    var session = Fixtures.session()
    let error = session.run("echo term weibull(shape = 2.5").errors.first
    #expect(error?.code == .unclosedBracket)
    #expect(error?.range.start == 17)
  }

  @Test func aTermNeedsParentheses() {
    var session = Fixtures.session()
    let error = session.run("echo term weibull").errors.first
    #expect(error?.code == .unexpectedToken || error?.code == .expectedExpression)
    #expect(error?.message.contains("`(`") == true)
  }
}
