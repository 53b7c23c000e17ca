public import Charts
public import FlowModel
public import FlowQL

/// FlowQL with rendering: runs a cell and turns every output into what a user sees.
///
/// The kernel and `flowql run` share it, so a query answers the same in both. It knows no
/// Jupyter: it returns FlowQL's values (tables, chart requests) with their renderings, and the
/// kernel turns those into Jupyter messages (``FlowInterpreter``).
public struct FlowEngine: Sendable {
  /// One thing a cell showed, in order.
  public enum Event: Sendable, Hashable {
    /// Text for standard output (`print`).
    case stdout(String)
    /// Text for standard error (`warn`, warnings).
    case stderr(String)
    /// A table, a chart or a value.
    case display(Display)
    /// A `help` page, as plain text.
    case page(String)
    /// Clear the cell's output (`clear`).
    case clear
  }

  /// A result both as data and as what a front end shows.
  public struct Display: Sendable, Hashable {
    /// The renderings by MIME type (`text/plain`, `text/html`, `image/svg+xml`).
    public var bundle: MimeBundle
    /// The table shown or drawn; nil for a bare value.
    public var table: Table?
    /// The value of a bare expression.
    public var value: Cell?
    /// The chart the query asked for (or its verb's default), when one was drawn.
    public var chart: ChartRequest?
    /// The chart's standalone SVG, when one was drawn.
    public var svg: String?
  }

  /// The error that stopped a cell, rendered as the user sees it.
  public struct Failure: Error, Sendable, Hashable {
    /// The diagnostic code (`E201`).
    public var code: String
    /// The one-line message.
    public var message: String
    /// The rendered error, one line per element: caret, help and notes.
    public var traceback: [String]

    /// The failure a diagnostic describes, rendered against the cell's `source`.
    init(_ diagnostic: Diagnostic, source: String) {
      code = diagnostic.ename
      message = diagnostic.evalue
      traceback = diagnostic.render(source: source).split(separator: "\n", omittingEmptySubsequences: false).map(
        String.init)
    }

    init(code: String, message: String, traceback: [String]) {
      self.code = code
      self.message = message
      self.traceback = traceback
    }
  }

  /// What running a cell produced: its events in order and the error that stopped it, if any.
  public struct CellResult: Sendable {
    /// Everything the cell showed, in order.
    public var events: [Event]
    /// The error that stopped the cell.
    public var error: Failure?
  }

  /// The language session: `let` bindings and options live as long as the engine.
  public var session: Session
  /// Colours per series name, stable across the cells of a notebook.
  public var palette = ColorAssignment()
  /// A problem met while loading the bundled model, reported with the first cell.
  private var startupWarning: String?

  /// An engine over `catalog`.
  public init(catalog: Catalog) {
    session = Session(catalog: catalog)
  }

  /// An engine over the bundled rare-earth model (official mode).
  public static func bundled() -> FlowEngine {
    do {
      return FlowEngine(catalog: try BundledCatalog.make())
    } catch {
      var engine = FlowEngine(catalog: Catalog(tables: [:]))
      engine.startupWarning = "the bundled model could not be loaded: \(error)\n"
      return engine
    }
  }

  /// The longest cell FlowQL reads, in UTF-8 bytes; longer input is refused before parsing.
  public static let maximumCellBytes = 1 << 20

  /// Runs one cell.
  public mutating func run(_ code: String, isCancelled: () -> Bool = { false }) -> CellResult {
    if code.utf8.count > Self.maximumCellBytes {
      let diagnostic = Diagnostic(
        .cellTooLong, "this cell has \(code.utf8.count) bytes; FlowQL reads cells up to \(Self.maximumCellBytes)",
        at: SourceRange(0, 0), label: "the cell starts here",
        help: "load large data with `load \"file.csv\" as name` instead of pasting it")
      let firstLine = String(code.prefix(200).prefix { $0 != "\n" })
      return CellResult(events: [], error: Failure(diagnostic, source: firstLine))
    }
    var events: [Event] = []
    if let warning = startupWarning {
      events.append(.stderr(warning))
      startupWarning = nil
    }
    // Each output is shown with the options in effect when it was made (a `set` halfway through
    // a cell changes only what follows it).
    var options = session.options
    let result = session.run(code, isCancelled: isCancelled)
    for output in result.outputs {
      switch output {
      case .options(let changed): options = changed
      case .save(let target):
        switch Self.save(target, shown: events) {
        case .success(let message): events.append(.stdout(message))
        case .failure(let diagnostic): return CellResult(events: events, error: Self.failure([diagnostic], code))
        }
      case .stdout(let text): events.append(.stdout(text.hasSuffix("\n") ? text : text + "\n"))
      case .stderr(let text): events.append(.stderr(text.hasSuffix("\n") ? text : text + "\n"))
      case .clear: events.append(.clear)
      case .page(_, let text): events.append(.page(text))
      case .value(let cell):
        events.append(.display(Display(bundle: MimeBundle(plain: format(cell, options)), value: cell)))
      case .code(let text, let language): events.append(.display(Display(bundle: Self.codeBlock(text, language))))
      case .table(let table, let request):
        switch render(table, request, Self.displayOptions(options), source: code) {
        case .success(let (display, warnings)):
          events += warnings.map { .stderr(Self.warningLine($0)) }
          events.append(.display(display))
        case .failure(let error):
          return CellResult(events: events, error: error)
        }
      }
    }
    guard !result.succeeded else { return CellResult(events: events, error: nil) }
    // The run's own copy of the source: a statement may have masked part of it (a password).
    return CellResult(events: events, error: Self.failure(result.errors, result.source))
  }

  /// The error of `diagnostics` as the user sees it.
  private static func failure(_ diagnostics: [Diagnostic], _ code: String) -> Failure {
    let rendered = diagnostics.map { $0.render(source: code) }.joined(separator: "\n")
    return Failure(
      code: diagnostics[0].ename, message: diagnostics[0].evalue,
      traceback: rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        .reversed().drop { $0.isEmpty }.reversed())
  }

  private mutating func render(_ table: Table, _ request: ChartRequest?, _ options: DisplayOptions, source: String)
    -> Result<(Display, [String]), Failure>
  {
    guard let request, request.kind != .table else {
      return .success((Display(bundle: TableRenderer.bundle(table, options: options), table: table), []))
    }
    do {
      var spec = ChartSpec(request)
      if spec.kind == .sankey, spec.nodes == nil {
        // Columns by stage: the processes table of the query's model names each node's stage and kind.
        spec.nodes = session.catalog.tables["processes"]
      }
      let chart = try ChartRenderer().render(table, spec: spec, palette: &palette)
      let display = Display(bundle: chart.bundle, table: table, chart: request, svg: chart.svg)
      return .success((display, chart.warnings))
    } catch {
      return .failure(Failure(Diagnostic(error, request: request), source: source))
    }
  }

  /// A bare expression's value: whole plain numbers print as integers (`1 + 1` → `2`), the rest
  /// with the decimals and units of `options`.
  func format(_ cell: Cell, _ options: Options) -> String {
    if case .number(let v, .none) = cell, v.rounded() == v, abs(v) < 1e15 { return String(Int(v)) }
    return options.format(cell)
  }

  /// The table display options that follow `set` options.
  static func displayOptions(_ options: Options) -> DisplayOptions {
    // Until `set decimals = n`, each column picks its own (counts 0, kt ≥ 10 one, ratios one).
    DisplayOptions(
      rows: options.rows, decimals: options.decimals,
      scaling: options.units.isEmpty ? .automatic : .fixed(options.units.values.sorted { $0.symbol < $1.symbol }))
  }
}
