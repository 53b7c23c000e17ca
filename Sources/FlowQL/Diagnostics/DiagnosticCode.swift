/// The stable code of every FlowQL diagnostic, with a one-line explanation for `help E201`.
///
/// Codes never change meaning. `E1xx` are syntax errors, `E2xx` unknown names, `E3xx` type and
/// unit errors, `E4xx` evaluation errors (options, verbs, data), `E6xx` charts, `W…` warnings, `E001` and `E900`
/// the kernel (an oversized cell, an interrupt).
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
  /// A character the language does not use.
  case unexpectedCharacter = "E100"
  /// A string without its closing quote.
  case unterminatedString = "E101"
  /// A token that does not fit where it stands.
  case unexpectedToken = "E102"
  /// A place that needs an expression but has none.
  case expectedExpression = "E103"
  /// An opening bracket without its closing partner.
  case unclosedBracket = "E104"
  /// An operator with nothing on its right-hand side.
  case missingOperand = "E105"
  /// `=` used where `==` was meant.
  case assignmentInCondition = "E106"
  /// A number literal that cannot be read.
  case invalidNumber = "E107"
  /// An expression nested or chained too deeply to evaluate safely.
  case tooDeep = "E108"
  /// A statement that does not start with a table, a verb or a statement keyword.
  case expectedQuery = "E110"
  /// A word after `|` that is no stage.
  case unknownStage = "E111"
  /// A `|` with no stage after it.
  case missingStage = "E112"
  /// A stage placed after `chart`.
  case chartNotLast = "E113"
  /// A unit symbol FlowQL does not know.
  case unknownUnit = "E114"
  /// A clause a verb does not have.
  case unknownClause = "E115"
  /// A file name written without quotes.
  case unquotedFileName = "E116"
  /// An unknown chart kind.
  case unknownChartKind = "E130"
  /// An unknown chart option.
  case unknownChartOption = "E131"
  /// A chart option that the chart kind does not use.
  case chartOptionNotForKind = "E132"
  /// A stage other than `chart` placed after `save`.
  case saveNotLast = "E140"
  /// A `save` file name whose extension names no format FlowQL writes.
  case unknownFileFormat = "E141"
  /// A name that is no column of the table at this point.
  case unknownColumn = "E201"
  /// A name that is no table, `let` binding or verb.
  case unknownName = "E202"
  /// A call to a function that does not exist.
  case unknownFunction = "E203"
  /// A `help` topic that does not exist.
  case unknownHelpTopic = "E204"
  /// A `set` option that does not exist.
  case unknownOption = "E205"
  /// A `.field` that the processes table does not have.
  case unknownField = "E206"
  /// Two output columns with the same name.
  case duplicateColumn = "E207"
  /// A value of the wrong type (text where a number is needed, …).
  case typeMismatch = "E301"
  /// A `where` condition that is not true/false.
  case conditionNotBoolean = "E302"
  /// A comparison between different dimensions (mass with money).
  case unitMismatch = "E310"
  /// Adding or subtracting different dimensions.
  case incompatibleUnits = "E311"
  /// A product or quotient whose unit FlowQL cannot express.
  case unsupportedUnitProduct = "E312"
  /// A function called with the wrong number or kind of arguments.
  case badArguments = "E313"
  /// An aggregate outside `summarize`, or a plain value inside it.
  case misplacedAggregate = "E314"
  /// A row count that is not a whole number ≥ 0.
  case invalidCount = "E320"
  /// A `pivot` whose value column is not numeric.
  case invalidPivot = "E321"
  /// Join keys of different types.
  case joinKeyMismatch = "E322"
  /// A join would produce more rows than memory allows.
  case joinTooLarge = "E323"
  /// A `set` value that the option does not accept.
  case invalidOptionValue = "E401"
  /// A verb reported a problem with its clauses or data.
  case verbFailed = "E402"
  /// A verb used as a stage although it only produces tables.
  case verbNeedsNoInput = "E403"
  /// A statement that needs a table or value got the other.
  case notATable = "E404"
  /// A file that could not be written.
  case writeFailed = "E410"
  /// `save` to `.svg` for a query that draws no chart.
  case saveNeedsChart = "E411"
  /// A comparison with a literal that matches no row (a warning).
  case noSuchValue = "W205"
  /// A verb's warning (an imbalance, a defaulted year …).
  case verbWarning = "W402"
  /// A database connection could not be made.
  case cannotConnect = "E500"
  /// A connection string holds a password.
  case passwordInConnectionString = "E501"
  /// The database refused a query or the connection was lost.
  case databaseFailed = "E502"
  /// A database result is larger than `set fetch`.
  case tooManyRows = "E503"
  /// `sql` cannot show SQL for this query.
  case notCompilable = "E504"
  /// No column can be put on the x axis or split the series; an option must name it.
  case chartNeedsOption = "E601"
  /// A column named for a chart does not suit its role (not numeric, not text, several measures).
  case chartColumnUnsuitable = "E602"
  /// Nothing to draw: an empty table, no positive Sankey flows.
  case chartEmpty = "E603"
  /// A chart's unit does not measure what its values measure.
  case chartUnitMismatch = "E604"
  /// A Sankey link runs backwards against the stage order and is drawn as a return flow (a warning).
  case sankeyReturnFlow = "W610"
  /// A cell longer than the kernel reads (1 MiB).
  case cellTooLong = "E001"
  /// The evaluation was interrupted.
  case interrupted = "E900"

  /// One line on what the code means, shown by `help E201` and in `docs/language.md`.
  public var summary: String {
    switch self {
    case .unexpectedCharacter: "the cell contains a character FlowQL does not use (such as `@` or `$`)"
    case .unterminatedString: "a text literal has no closing quote on its line"
    case .unexpectedToken: "a word or symbol does not fit at this place"
    case .expectedExpression: "a value is needed here (a number, a column, a text in quotes …)"
    case .unclosedBracket: "a `(` or `[` is never closed"
    case .missingOperand: "an operator such as `>` or `+` has nothing on its right-hand side"
    case .assignmentInCondition: "`=` names something; use `==` to compare"
    case .invalidNumber: "a number cannot be read"
    case .tooDeep:
      "an expression is nested too deeply (over 40 brackets or prefix operators, or over 100 operators in a chain)"
    case .expectedQuery: "a statement must start with a table (`flows`), a verb, a `let` name or a statement keyword"
    case .unknownStage: "the word after `|` is not a stage"
    case .missingStage: "a `|` is followed by nothing"
    case .chartNotLast: "`chart` must be the last stage, because it only describes how to draw the table"
    case .unknownUnit: "a quantity uses a unit FlowQL does not know"
    case .unknownClause: "a verb does not have this clause"
    case .unquotedFileName: "a file name must be in quotes, as in `load \"flows.csv\" as mine`"
    case .unknownChartKind:
      "the chart kind is not one of bar, column, line, area, stacked, stacked100, pie, sankey, table"
    case .unknownChartOption: "a `chart … with (…)` option does not exist"
    case .saveNotLast: "`save` must be the last stage, or come just before `chart`"
    case .unknownFileFormat: "`save` writes .csv, .json, .svg or .html files; the extension picks the format"
    case .unknownColumn: "the table at this point of the pipeline has no column of this name"
    case .unknownName: "the name is no table, `let` binding or verb"
    case .unknownFunction: "no function has this name"
    case .unknownHelpTopic: "`help` knows no topic of this name"
    case .unknownOption: "`set` knows no option of this name"
    case .unknownField: "the processes table has no column of this name (used as `source.field`)"
    case .duplicateColumn: "a stage would produce two columns of the same name"
    case .typeMismatch: "a value has the wrong type, for example text where a number is needed"
    case .conditionNotBoolean: "the condition of `where` must be true or false for each row"
    case .unitMismatch: "a comparison mixes dimensions, for example mass with money"
    case .incompatibleUnits: "`+` or `-` mixes dimensions, for example mass with money"
    case .unsupportedUnitProduct: "`*` or `/` gives a unit FlowQL cannot express (such as t²)"
    case .badArguments: "a function got the wrong number or kind of arguments"
    case .misplacedAggregate: "aggregates such as `sum` belong in `summarize`, and `summarize` needs aggregates"
    case .invalidCount: "a row count must be a whole number, 0 or more"
    case .invalidPivot: "`pivot` needs a numeric values column"
    case .joinKeyMismatch: "the two join keys have different types"
    case .joinTooLarge: "a join would make more rows than FlowQL keeps in memory (about 2 GB)"
    case .invalidOptionValue: "the value does not suit this `set` option"
    case .verbFailed: "a verb could not compute its table"
    case .verbNeedsNoInput: "this verb produces a table and cannot follow `|`"
    case .notATable: "a table was expected but a single value was given, or the other way round"
    case .writeFailed:
      "the file could not be written (a missing or read-only folder); an existing file is left as it was"
    case .saveNeedsChart: "`save` to .svg needs a query that draws a chart (`| chart …` or a verb such as `sankey`)"
    case .noSuchValue:
      "warning: `column == value` matches no row (a misspelt id, a display name, a year outside the data), so the filter selects nothing"
    case .verbWarning: "warning from a verb, such as an imbalance or a defaulted year; the table is still produced"
    case .cannotConnect:
      "a database connection could not be made (no server, wrong password, unknown database, or a FlowQL without a database driver)"
    case .passwordInConnectionString:
      "a connection string holds a password; FlowQL takes it from PGPASSWORD or ~/.pgpass so it never enters a notebook"
    case .databaseFailed:
      "the database refused the query (its message names what) or the connection was lost (the next cell reconnects)"
    case .tooManyRows:
      "a database result has more rows than `set fetch` allows (found out before any row is sent); summarize in the database first"
    case .notCompilable: "`sql` shows the SQL of a query on a database table; the stages before it must compile"
    case .chartOptionNotForKind: "the chart kind does not use this option (`help chart` lists which kinds use which)"
    case .chartNeedsOption:
      "the chart cannot tell which column to draw (several candidates or none); name it with `x`, `y` or `series`"
    case .chartColumnUnsuitable: "a column does not suit its role in the chart (values must be numbers, series text)"
    case .chartEmpty: "there is nothing to draw: the table is empty or has no positive flows"
    case .chartUnitMismatch: "the chart's `unit` measures something else than the values (mass against money)"
    case .sankeyReturnFlow:
      "warning: a Sankey flow runs against the stage order (recycling, new scrap); it is drawn as a return arc below"
    case .cellTooLong: "the cell is longer than the kernel reads (1 MiB); load large data from a file"
    case .interrupted: "the evaluation was interrupted; bindings made before the interrupt are kept"
    }
  }
}
