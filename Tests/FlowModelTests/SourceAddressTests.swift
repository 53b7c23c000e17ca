import Foundation
import TestSupport
import Testing

/// Every source the bundled data cites can be found: a web address, a named repository file, or a
/// file of this repository — never a file outside it (issue 16).
@Suite struct SourceAddressTests {
  static let sources = "Sources/FlowModel/Data/rare_earth_china/sources.csv"

  /// The `address` column, read with Foundation's own line splitting and a minimal CSV reader
  /// written here (independent of the loader under test).
  static func addresses() -> [(id: String, address: String)] {
    repositoryText(sources).split(separator: "\n").dropFirst().map { line in
      var fields: [String] = []
      var field = ""
      var quoted = false
      for ch in line {
        if ch == "\"" {
          quoted.toggle()
        } else if ch == ",", !quoted {
          fields.append(field)
          field = ""
        } else {
          field.append(ch)
        }
      }
      fields.append(field)
      return (fields[0], fields.count > 2 ? fields[2] : "")
    }
  }

  @Test func everyAddressIsOnTheWebOrInTheRepository() {
    let rows = Self.addresses()
    #expect(rows.count > 30)
    for (id, address) in rows where !address.isEmpty && address != "unverified" {
      if address.hasPrefix("http://") || address.hasPrefix("https://") || address.hasPrefix("repo ") { continue }
      // A bare site name: the article could not be pinned down further.
      if !address.contains("/") { continue }
      #expect(!address.hasPrefix("..") && !address.hasPrefix("/"), "\(id) points outside the repository: \(address)")
      #expect(!repositoryText(address).isEmpty, "\(id): \(address) is not a file of the repository")
    }
  }
}
