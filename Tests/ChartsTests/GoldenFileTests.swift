import Foundation
import Testing

/// Cross-checks the committed goldens with `xmllint` when it is installed (Debian
/// `libxml2-utils`); the in-process XMLParser checks in the other suites always run.
@Suite struct GoldenFileTests {
  private static var snapshots: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  }

  private static var xmllint: URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("xmllint") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  @Test func everyGoldenSVGAndHTMLIsWellFormedForXmllint() throws {
    guard let xmllint = Self.xmllint else { return }
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path)
      .filter { $0.hasSuffix(".svg") || $0.hasSuffix(".html") }.sorted()
    #expect(files.count >= 10)
    for file in files {
      let process = Process()
      process.executableURL = xmllint
      process.arguments = ["--noout", Self.snapshots.appendingPathComponent(file).path]
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "xmllint rejects \(file)")
    }
  }
}
