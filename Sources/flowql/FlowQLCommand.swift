import ArgumentParser
import FlowKernel
import FlowModel
import FoundationEssentials
import JupyterKernel

/// `flowql`: run the Jupyter kernel, install its kernelspec, or run queries from the shell.
struct FlowQLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flowql",
    abstract: "FlowQL: material-flow queries for Jupyter.",
    version: Kernelspec.version,
    subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self])
}

/// `flowql kernel --connection-file F`: the process Jupyter starts.
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel", abstract: "Run the Jupyter kernel (started by Jupyter through kernel.json).")

  @Option(name: .customLong("connection-file"), help: "The connection file Jupyter wrote.")
  var connectionFile: String

  func run() throws {
    let connection = try ConnectionInfo.load(from: connectionFile)
    try KernelServer.run(connection: connection, info: Kernelspec.kernelInfo) { FlowInterpreter() }
  }
}

/// `flowql install [--user | --prefix P]`: writes the kernelspec so Jupyter lists FlowQL.
struct InstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install", abstract: "Install the FlowQL kernelspec for Jupyter.")

  @Flag(help: "Install for the current user (~/.local/share/jupyter); the default.")
  var user = false

  @Option(help: "Install under PREFIX/share/jupyter (e.g. a virtual environment: --prefix .venv).")
  var prefix: String?

  func validate() throws {
    if user && prefix != nil { throw ValidationError("use either --user or --prefix, not both") }
  }

  func run() throws {
    let dataDirectory: URL
    if let prefix {
      dataDirectory = URL(fileURLWithPath: prefix).standardizedFileURL.appendingPathComponent("share/jupyter")
    } else {
      let home = FileManager.default.homeDirectoryForCurrentUser
      let base =
        ProcessInfo.processInfo.environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
        ?? home.appendingPathComponent(".local/share")
      dataDirectory = base.appendingPathComponent("jupyter")
    }
    let directory: URL
    do {
      directory = try Kernelspec.install(into: dataDirectory, executablePath: Kernelspec.currentExecutablePath)
    } catch {
      throw ValidationError(
        "cannot install the kernelspec under \(dataDirectory.path): \(FileErrorText.describe(error))")
    }
    print("Installed the FlowQL kernelspec in \(directory.path)")
  }
}
