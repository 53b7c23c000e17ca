public import FoundationEssentials
public import JupyterKernel

/// The FlowQL kernelspec: what `flowql install` writes and what `kernel_info_reply` says.
public enum Kernelspec {
  /// The kernelspec directory name (`kernels/flowql`).
  public static let name = "flowql"
  /// The version reported as `implementation_version` and `language_info.version`.
  public static let version = "0.1.0"

  /// `kernel.json` for an executable at `executablePath` (the root `kernel.json` is this, with
  /// `argv[0]` = `flowql`; a test keeps the two equal).
  public static func kernelJSON(executablePath: String) -> JSONValue {
    [
      "argv": [.string(executablePath), "kernel", "--connection-file", "{connection_file}"],
      "display_name": "FlowQL",
      "language": "flowql",
      "interrupt_mode": "message",
      "env": .emptyObject,
      // CurveZMQ: with keys in the connection file every socket runs as a CURVE server.
      "metadata": ["supported_encryption": ["curve"]],
    ]
  }

  /// `language_info` for `kernel_info_reply`; nbconvert and editors read it.
  public static let languageInfo: JSONValue = [
    "name": "flowql",
    "version": .string(version),
    "mimetype": "text/x-flowql",
    "file_extension": ".flowql",
    // FlowQL's keywords (select, where, sort, …) read well under the SQL highlighters.
    "pygments_lexer": "sql",
    "codemirror_mode": "sql",
  ]

  /// Facts for `kernel_info_reply`. No help links: the language reference ships with the kernel
  /// (`help`, and docs/language.md in the repository), and a link must point at something that
  /// exists.
  public static let kernelInfo = KernelInfo(
    implementation: "flowql", implementationVersion: version, languageInfo: languageInfo,
    banner: "FlowQL \(version) — pipeline queries over material flows. Type `help` for the language."
  )

  /// Writes `kernels/flowql/` (kernel.json and the three logos) under `dataDirectory`.
  ///
  /// - Returns: the kernelspec directory written.
  @discardableResult
  public static func install(into dataDirectory: URL, executablePath: String) throws -> URL {
    let directory = dataDirectory.appendingPathComponent("kernels/\(name)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try encoder.encode(kernelJSON(executablePath: executablePath))
      .write(to: directory.appendingPathComponent("kernel.json"))
    let logos = [
      ("logo-32x32.png", PackageResources.logo_32x32_png), ("logo-64x64.png", PackageResources.logo_64x64_png),
      ("logo-svg.svg", PackageResources.logo_svg_svg),
    ]
    for (name, bytes) in logos {
      try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    return directory
  }

  /// The running executable's absolute path (`/proc/self/exe` on Linux).
  public static var currentExecutablePath: String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
  }
}
