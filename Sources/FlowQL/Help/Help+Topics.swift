import FlowModel

extension Help {
  /// The built-in topics (verbs are added from the catalog).
  static let builtIn: [HelpTopic] =
    statements + sources + stages + functions + units + syntax + options + charts + database + codes

  static let statements: [HelpTopic] = [
    .init(
      name: "let", category: .statement, syntax: "let name = query-or-expression",
      summary:
        "Names a table or a value for the rest of the session (across cells). Later statements use the name like a table or a number.",
      example: "let y2022 = flows | where year == 2022"),
    .init(
      name: "set", category: .statement, syntax: "set option = value",
      summary:
        "Changes a display option for the session: `rows`, `decimals` or `units`. Options change display only, never results.",
      example: "set units = kt"),
    .init(
      name: "print", category: .statement, syntax: "print expression",
      summary: "Writes text or a value to standard output.", example: "print \"heavy REO costs \" + \"more\""),
    .init(
      name: "warn", category: .statement, syntax: "warn expression",
      summary: "Writes text or a value to standard error.", example: "warn \"2015–2017 quotas understate supply\""),
    .init(
      name: "help", category: .statement, syntax: "help [topic]",
      summary:
        "Shows the docs of a statement, stage, function, unit, option, chart kind, verb or error code; without a topic, lists the topics.",
      example: "help summarize"),
    .init(name: "clear", category: .statement, syntax: "clear", summary: "Clears the cell's output.", example: "clear"),
    .init(
      name: "query", category: .statement, syntax: "source | stage | stage …",
      summary:
        "A source table piped through stages; each stage takes one table and returns one. A line starting with `|`, or ending with `|`, `,` or an operator or inside brackets, continues the statement. Statements are separated by new lines or `;`.",
      example: "flows | where year == 2022 | top 5 by mass"),
    .init(
      name: "expression", category: .statement, syntax: "expression",
      summary: "A bare expression shows its value; units are converted and kept.", example: "45015 / 3912"),
  ]

  static let sources: [HelpTopic] = [
    .init(
      name: "flows", category: .source, syntax: "flows",
      summary:
        "Every flow of the model: year, source, target, material, mass (t), cost (USD), value (USD). `source.stage` and `target.name` read fields of the processes table.",
      example: "flows | where target == \"MAG\" | summarize sum(mass) by year"),
    .init(
      name: "processes", category: .source, syntax: "processes",
      summary: "The processes of the model: id, name, stage, kind, description.", example: "processes | select id, name"
    ),
    .init(
      name: "stocks", category: .source, syntax: "stocks",
      summary: "Stocks per year: year, process, material, stock (t), stock_change (t).",
      example: "stocks | where year == 2022"),
  ]

  static let stages: [HelpTopic] = [
    .init(
      name: "where", category: .stage, syntax: "| where condition",
      summary: "Keeps the rows where the condition holds. Alias: `filter`.",
      example: "flows | where year == 2022 and mass > 5 kt"),
    .init(
      name: "select", category: .stage, syntax: "| select column, name = expression, …",
      summary:
        "Keeps only the listed columns, in that order; `name = expression` computes a new one. Alias: `project`.",
      example: "flows | select year, source, target, mass_kt = mass / 1000"),
    .init(
      name: "derive", category: .stage, syntax: "| derive name = expression, …",
      summary: "Adds (or replaces) computed columns; later ones may use earlier ones. Alias: `extend`.",
      example: "flows | derive unit_cost = cost / mass"),
    .init(
      name: "drop", category: .stage, syntax: "| drop column, …", summary: "Removes columns.",
      example: "flows | drop cost, value"),
    .init(
      name: "rename", category: .stage, syntax: "| rename new = old, …", summary: "Renames columns.",
      example: "flows | rename from = source, to = target"),
    .init(
      name: "summarize", category: .stage, syntax: "| summarize [name =] aggregate, … [by key, …]",
      summary:
        "One row per distinct combination of the `by` keys (sorted by the keys), with aggregates such as sum, avg, min, max, count, share, first, last, sumif, countif. Without `by`: one row. Aggregates may be combined with arithmetic: `rate = sum(a) / sum(b)`.",
      example: "flows | summarize total = sum(mass) by year, material"),
    .init(
      name: "sort", category: .stage, syntax: "| sort [by] key, -key, key desc, …",
      summary: "Orders rows; `-key` or `desc` sorts descending. Stable; missing numbers last.",
      example: "flows | sort year, -mass"),
    .init(
      name: "top", category: .stage, syntax: "| top N by key [asc] [with others]",
      summary:
        "The N rows with the largest key (descending, as in KQL); write `key asc` for the smallest. `with others` adds an `Other` row summing the rest.",
      example: "flows | where year == 2022 | top 10 by mass"),
    .init(
      name: "take", category: .stage, syntax: "| take N", summary: "The first N rows. Alias: `limit`.",
      example: "flows | take 5"),
    .init(
      name: "pivot", category: .stage, syntax: "| pivot columns = column, values = column",
      summary:
        "Long to wide: one new column per distinct value of `columns`, holding the sum of `values`; the other columns identify rows.",
      example: "flows | summarize mass = sum(mass) by material, year | pivot columns = year, values = mass"),
    .init(
      name: "join", category: .stage, syntax: "| join [inner|left] table on key [= key], …",
      summary:
        "Adds the columns of another table where keys match (inner keeps matches only, left keeps every row). Clashing names get `_<table>`. A result over about 2 GB stops with E323.",
      example: "flows | join processes on source = id"),
    .init(
      name: "schema", category: .stage, syntax: "| schema",
      summary: "Describes the table: one row per column with type, unit and example values.", example: "flows | schema"),
    .init(
      name: "in", category: .stage, syntax: "| in [scenario|model] name",
      summary:
        "Runs the whole query, its source included, on another model: a scenario defined with `scenario` or a model loaded with `load`. Verbs and the tables flows, processes and stocks then come from that model.",
      example: "balance year 2022 | in scenario more_ore"),
    .init(
      name: "chart", category: .stage,
      syntax: "| chart kind [with (x = …, y = …, series = …, title = \"…\", unit = kt, …)]",
      summary:
        "Asks for a chart of the table (the last stage; the table is unchanged). Alias: `render`. Options:\n"
        + ChartOption.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"),
      example: "flows | summarize total = sum(mass) by year | chart line with (unit = kt)"),
    .init(
      name: "save", category: .stage, syntax: "| save \"file.csv|.json|.svg|.html\" [| chart …]",
      summary:
        "Writes the result to a file, relative to the notebook's folder; the extension picks the format. .csv: RFC 4180 with units in the header (`mass [t]`), numbers in base units at full precision — `load` reads it back. .json: caption, columns (name, type, unit), rows and the chart request. .svg: the chart; .html: the table or chart, the same bytes the notebook shows. The file is written whole or not at all (an existing file stays as it was when writing fails). The last stage, or just before `chart`; the table is shown as well. Writes `wrote N rows × M columns to file`.",
      example: "flows | where year == 2022 | save \"flows_2022.csv\""),
  ]

  static var functions: [HelpTopic] {
    Functions.all.map {
      HelpTopic(
        name: $0.name, category: .function, syntax: $0.signature,
        summary: ($0.kind == .aggregate ? "Aggregate (in `summarize`). " : "") + $0.summary, example: $0.example)
    }
  }

  static var units: [HelpTopic] {
    Unit.all.map { u in
      let base = u.dimension.baseSymbol
      let (what, example): (String, String) =
        switch u.dimension {
        case .mass: ("mass", "flows | where mass > 2 \(u.symbol)")
        case .money: ("money (US dollars)", "flows | where cost > 2 \(u.symbol)")
        case .price: ("price (money per mass)", "flows | where cost / mass > 2 \(u.symbol)")
        case .ratio: ("ratio", "flows | summarize s = share(mass) by source | where s > 10 \(u.symbol)")
        case .none: ("plain number", "")
        }
      let factor: String
      if u.dimension == .ratio {
        factor = "0.01 (ratios are stored as fractions)"
      } else {
        factor = u.factor == 1 ? "the base unit" : "\(Options.format(u.factor, decimals: u.factor < 1 ? 3 : 0)) \(base)"
      }
      return HelpTopic(
        name: u.symbol, category: .unit, syntax: "number \(u.symbol)",
        summary:
          "A unit of \(what); one \(u.symbol) is \(factor). Quantities convert automatically in comparisons and arithmetic.",
        example: example)
    }
  }

  static let syntax: [HelpTopic] = [
    .init(
      name: "operators", category: .syntax, syntax: "+ - * / == != < <= > >= ~ in and or not",
      summary:
        "Arithmetic converts units (mass × price = money, money ÷ mass = price, x ÷ x = ratio); `+` also joins texts. Comparisons need the same dimension (a plain number is taken in base units). `~` tests whether text contains other text (case-insensitive). `in` tests membership of a list `[a, b]` or a range `a..b`.",
      example: "flows | where source ~ \"IMP\" and year in 2018..2022"),
    .init(
      name: "comments", category: .syntax, syntax: "# comment   // comment",
      summary: "Everything after `#` or `//` on a line is ignored.", example: "flows | take 5  # a first look"),
    .init(
      name: "literals", category: .syntax, syntax: "42  1.5e3  \"text\"  true  5 kt  40 %  [a, b]  2015..2022",
      summary:
        "Numbers (with `_` separators), text in double or single quotes, true/false, quantities (a number and a unit), lists and year ranges.",
      example: "flows | where material in [\"LREE\", \"HREE\"]"),
    .init(
      name: "fields", category: .syntax, syntax: "column.field",
      summary:
        "On a column of process ids (`source`, `target`), reads a column of the processes table for that process. In output the name becomes `column_field`.",
      example: "flows | summarize sum(mass) by source.stage"),
  ]

  static let options: [HelpTopic] = [
    .init(
      name: "rows", category: .option, syntax: "set rows = N | all",
      summary: "How many rows tables show (default 60); `all` shows every row. Computation always uses every row.",
      example: "set rows = 20"),
    .init(
      name: "decimals", category: .option, syntax: "set decimals = N | auto",
      summary: "Decimal places shown for every number (0–12); `auto` (the default) lets each column choose.",
      example: "set decimals = 1"),
    .init(
      name: "units", category: .option, syntax: "set units = unit | auto",
      summary: "Display unit for one dimension (`kt` for mass, `MUSD` for money …); `auto` scales each value.",
      example: "set units = kt"),
  ]

  static var charts: [HelpTopic] {
    let text: [ChartKind: String] = [
      .bar: "Horizontal bars; good for many or long category names.",
      .column: "Vertical columns; good for years or few short categories.",
      .line: "Lines over an ordered x such as `year`.",
      .area: "A filled area over an ordered x.",
      .stacked: "Areas or columns stacked by `series`.",
      .stacked100: "Stacked, normalised to 100 % per x.",
      .pie: "Slices of a whole (≤ 6 slices).",
      .sankey: "A Sankey diagram of source/target/value rows.",
      .table: "The table itself.",
    ]
    return ChartKind.allCases.map { kind in
      let options = ChartOption.allCases.filter { $0.kinds.contains(kind) }.map(\.rawValue)
      return HelpTopic(
        name: kind.rawValue, category: .chart, syntax: "| chart \(kind.rawValue)",
        summary: (text[kind] ?? "") + (options.isEmpty ? "" : " Options: " + options.joined(separator: ", ") + "."),
        example: chartExamples[kind] ?? "")
    }
  }

  /// One example per kind that draws what the kind is for.
  static let chartExamples: [ChartKind: String] = [
    .bar: "flows | where year == 2022 | summarize total = sum(mass) by target | chart bar with (unit = kt)",
    .column: "flows | summarize total = sum(mass) by year | chart column with (unit = kt)",
    .line: "flows | summarize total = sum(mass) by year | chart line with (xtitle = \"Year\", unit = kt)",
    .area: "flows | summarize total = sum(mass) by year, material | chart area with (unit = kt)",
    .stacked: "flows | summarize total = sum(mass) by year, material | chart stacked",
    .stacked100: "flows | summarize total = sum(mass) by year, material | chart stacked100",
    .pie: "flows | where year == 2022 | summarize total = sum(mass) by material | chart pie",
    .sankey: "sankey year 2022 | chart sankey with (min = 1 kt)",
    .table: "flows | take 5 | chart table",
  ]

  static var codes: [HelpTopic] {
    DiagnosticCode.allCases.map {
      HelpTopic(
        name: $0.rawValue, category: .code, syntax: "",
        summary: $0.summary.prefix(1).uppercased() + $0.summary.dropFirst() + ".", example: "")
    }
  }
}
