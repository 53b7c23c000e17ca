import Foundation
import JupyterKernel
import Testing

@testable import FlowKernel

@Suite struct KernelspecTests {
  private var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  @Test func rootKernelJSONIsTheInstalledTemplate() throws {
    let data = try Data(contentsOf: root.appendingPathComponent("kernel.json"))
    let template = try JSONDecoder().decode(JSONValue.self, from: data)
    #expect(template == Kernelspec.kernelJSON(executablePath: "flowql"))
  }

  @Test func installWritesKernelJSONWithTheExecutablePathAndLogos() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowql-install-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let directory = try Kernelspec.install(into: folder, executablePath: "/opt/flowql/bin/flowql")
    #expect(directory.path.hasSuffix("kernels/flowql"))
    let spec = try JSONDecoder().decode(
      JSONValue.self, from: Data(contentsOf: directory.appendingPathComponent("kernel.json")))
    #expect(spec["argv"] == ["/opt/flowql/bin/flowql", "kernel", "--connection-file", "{connection_file}"])
    #expect(spec["language"] == "flowql")
    #expect(spec["interrupt_mode"] == "message")
    for logo in ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"] {
      let size =
        try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(logo).path)[.size] as? Int
      #expect((size ?? 0) > 100, "\(logo)")
    }
  }

  @Test func languageInfoHasWhatNbconvertReads() {
    let info = Kernelspec.languageInfo
    #expect(info["name"] == "flowql")
    #expect(info["file_extension"] == ".flowql")
    #expect(info["mimetype"] == "text/x-flowql")
    #expect(info["pygments_lexer"] == "sql")
  }
}
