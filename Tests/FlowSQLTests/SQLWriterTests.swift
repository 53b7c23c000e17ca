import Testing

@testable import FlowSQL

@Suite struct SQLWriterTests {
  @Test(arguments: [
    (SQLDialect.postgres, #""o'brien; drop table x; --""#, #""we""ird""#),
    (.duckdb, #""o'brien; drop table x; --""#, #""we""ird""#),
    (.spark, "`o'brien; drop table x; --`", "`we\"ird`"),
  ])
  func identifiersAreQuotedWithTheQuoteDoubled(dialect: SQLDialect, hostile: String, quote: String) {
    #expect(dialect.quote("o'brien; drop table x; --") == hostile)
    #expect(dialect.quote("we\"ird") == quote)
    #expect(SQLDialect.spark.quote("a`b") == "`a``b`")
  }

  @Test func valuesBecomeNumberedParametersInTextOrder() {
    var step = SQLSelect(
      items: [(.column("year"), "year"), (.call(.sum, [.column("mass")]), "total")], from: .table(["public", "t"]),
      filter: .binary(.equal, .column("material"), .value(.text("x'); drop table t; --"))))
    step.groupBy = [.column("year")]
    step.limit = 5
    let statement = SQLPipeline(steps: [step]).render(.postgres)
    #expect(
      statement.text == """
        SELECT "year", sum("mass") AS "total"
        FROM "public"."t"
        WHERE ("material" = $1)
        GROUP BY "year"
        LIMIT 5
        """)
    #expect(statement.parameters == [.text("x'); drop table t; --")])
    #expect(SQLPipeline(steps: [step]).render(.spark).text.contains("WHERE (`material` = ?)"))
  }

  @Test func stepsBecomeCommonTableExpressionsOfOneStatement() {
    let first = SQLSelect(items: [(.cast(.column("mass"), .double), "mass")], from: .table(["t"]))
    let second = SQLSelect(
      items: [(.column("mass"), "mass")], from: .previous,
      filter: .binary(.greater, .column("mass"), .value(.number(5))))
    let text = SQLPipeline(steps: [first, second]).render(.duckdb).text
    #expect(
      text == """
        WITH s1 AS (
          SELECT CAST("mass" AS DOUBLE) AS "mass"
          FROM "t"
        )
        SELECT "mass"
        FROM s1
        WHERE ("mass" > $1)
        """)
  }

  @Test func functionsAndRoundingFollowTheDialect() {
    func render(_ e: SQLExpression, _ d: SQLDialect) -> String {
      var w = SQLWriter(dialect: d)
      return w.expression(e)
    }
    let round = SQLExpression.call(.round, [.column("m"), .integer(1)])
    #expect(render(round, .postgres) == #"CAST(round(CAST("m" AS NUMERIC), 1) AS DOUBLE PRECISION)"#)
    #expect(render(round, .duckdb) == #"round("m", 1)"#)
    #expect(render(.call(.position, [.column("a"), .column("b")]), .spark) == "instr(`a`, `b`)")
    #expect(render(.call(.length, [.column("a")]), .duckdb) == #"length("a")"#)
    #expect(render(.call(.length, [.column("a")]), .postgres) == #"char_length("a")"#)
    #expect(
      render(.rowNumber([SQLOrder(.column("m"), descending: true)]), .postgres)
        == #"ROW_NUMBER() OVER (ORDER BY "m" DESC NULLS LAST)"#)
  }
}
