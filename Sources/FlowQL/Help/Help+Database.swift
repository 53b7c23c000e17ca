extension Help {
  /// The database topics. Their examples need a server, so `Tests/python/test_database.py` runs
  /// them against a real PostgreSQL (with its own address in the `connect` string).
  static let database: [HelpTopic] = [
    .init(
      name: "connect", category: .database, syntax: "connect \"connection string\" as name",
      summary:
        "Opens a PostgreSQL connection for `table \"…\" in name`. The string is a libpq URI (`postgresql://user@host:port/db`) or `key=value` pairs; the password comes from PGPASSWORD or ~/.pgpass. A string holding a password is refused (E501) and never shown; a connection that cannot be made is E500. Shows the connection (never a password).",
      example: "connect \"postgresql://flowql@127.0.0.1:5432/flowql\" as wh"),
    .init(
      name: "connections", category: .database, syntax: "connections",
      summary: "Lists the open connections: name, `user@host:port/db` and SQL dialect.", example: "connections"),
    .init(
      name: "table", category: .database, syntax: "table \"schema.name\" in connection",
      summary:
        "A table or view of a connection as a source. The stages after it that compile (where, select, derive, drop, rename, summarize, sort, top, take, join on the same connection, pivot) run in the database as one SQL statement, values bound as parameters; the first stage that does not compile receives the result. A result over `set fetch` rows is E503, before any row is sent.",
      example: "table \"public.flows\" in wh | where year == 2022 | summarize total = sum(mass) by material"),
    .init(
      name: "sql", category: .database, syntax: "| sql [postgres|duckdb|spark]",
      summary:
        "The last stage of a query on a database table: shows the SQL statement and its parameters instead of running it, in the connection's dialect or the one named (DuckDB, Spark SQL). The stages before it must compile (E504).",
      example: "table \"public.flows\" in wh | where year == 2022 | summarize total = sum(mass) by source | sql spark"),
    .init(
      name: "fetch", category: .database, syntax: "set fetch = N",
      summary:
        "The most rows a database query may return (default 1,000,000). A larger result is E503, found out in the database before any row is sent: summarize there first.",
      example: "set fetch = 100; table \"public.flows\" in wh | summarize total = sum(mass) by year"),
    .init(
      name: "load table", category: .database,
      syntax: "load table \"schema.name\" in connection as name [processes \"schema.name\"]",
      summary:
        "Builds a model from a flows table (year, source, target, material, mass; cost and value optional) with `SUM(…) GROUP BY year, source, target, material` run in the database, and an optional processes table; every verb then runs on it with `| in name`.",
      example: "load table \"public.flows\" in wh as stored processes \"public.processes\""),
  ]
}
