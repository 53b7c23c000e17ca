import Charts
import FlowModel
import FlowQL
import JupyterKernel

/// FlowQL with rendering: runs a cell and turns every output into what a user sees.
///
/// The kernel and `flowql run` share it, so a query answers the same in both.
public struct FlowEngine: Sendable {
  /// One thing a cell showed, in order.
  public enum Event: Sendable, Hashable {
    case stdout(String)
    case stderr(String)
    /// A table, chart or value; `chart` holds the SVG when the display is a chart.
    case display(DisplayBundle, chart: String?)
    /// A `help` page.
    case page(DisplayBundle)
    case clear
  }

  /// What running a cell produced.
  public struct Result: Sendable {
    public var events: [Event]
    /// The error that stopped the cell, rendered as the user sees it.
    public var error: ExecutionError?
    /// The language's outputs behind `events`: the tables with their chart requests, for
    /// `flowql run --format json`.
    public var outputs: [Output] = []
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
  public mutating func run(_ code: String, isCancelled: () -> Bool = { false }) -> Result {
    if code.utf8.count > Self.maximumCellBytes {
      let message = "this cell has \(code.utf8.count) bytes; FlowQL reads cells up to \(Self.maximumCellBytes)"
      let help = "  = help: load large data with `load \"file.csv\" as name` instead of pasting it"
      return Result(
        events: [], error: ExecutionError(name: "E001", value: message, traceback: ["error[E001]: " + message, help]))
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
        case .failure(let diagnostic): return Result(events: events, error: Self.executionError([diagnostic], code), outputs: result.outputs)
        }
      case .stdout(let text): events.append(.stdout(text.hasSuffix("\n") ? text : text + "\n"))
      case .stderr(let text): events.append(.stderr(text.hasSuffix("\n") ? text : text + "\n"))
      case .clear: events.append(.clear)
      case .page(_, let text): events.append(.page(.plain(text)))
      case .value(let cell): events.append(.display(.plain(format(cell, options)), chart: nil))
      case .table(let table, let request):
        switch render(table, request, Self.displayOptions(options)) {
        case .success(let (bundle, svg, warnings)):
          events += warnings.map { .stderr("warning: \($0)\n") }
          events.append(.display(bundle, chart: svg))
        case .failure(let error):
          return Result(events: events, error: error, outputs: result.outputs)
        }
      }
    }
    guard !result.succeeded else { return Result(events: events, error: nil, outputs: result.outputs) }
    return Result(events: events, error: Self.executionError(result.errors, code), outputs: result.outputs)
  }

  /// The error of `diagnostics` as the kernel reports it.
  private static func executionError(_ diagnostics: [Diagnostic], _ code: String) -> ExecutionError {
    let rendered = diagnostics.map { $0.render(source: code) }.joined(separator: "\n")
    return ExecutionError(
      name: diagnostics[0].ename, value: diagnostics[0].evalue,
      traceback: rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        .reversed().drop { $0.isEmpty }.reversed())
  }

  private mutating func render(_ table: Table, _ request: ChartRequest?, _ options: DisplayOptions)
    -> Swift.Result<(DisplayBundle, String?, [String]), ExecutionError>
  {
    guard let request, request.kind != .table else {
      return .success((DisplayBundle(TableRenderer.bundle(table, options: options)), nil, []))
    }
    do {
      var spec = ChartSpec(request)
      if spec.kind == .sankey, spec.nodes == nil {
        // Columns by stage: the processes table of the query's model names each node's stage and kind.
        spec.nodes = request.nodes ?? session.catalog.tables["processes"]
      }
      let chart = try ChartRenderer().render(table, spec: spec, palette: &palette)
      return .success((DisplayBundle(chart.bundle), chart.svg, chart.warnings))
    } catch {
      let text = "error[E601]: \(error.message)\n  = help: \(error.help)"
      return .failure(
        ExecutionError(name: "E601", value: error.message, traceback: text.split(separator: "\n").map(String.init)))
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
