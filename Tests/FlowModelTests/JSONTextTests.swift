import Foundation
import Testing

@testable import FlowModel

/// JSON strings read back by Foundation's own parser (independent of the escaper under test).
@Suite struct JSONTextTests {
  static let hostile = [
    "", "plain", "quote \" and back\\slash", "line\nbreak\r\ttab", "<script>alert('x')</script> & co",
    "\u{0}\u{1}\u{1F}", "line\u{2028}separator\u{2029}", "é 中文 🙂",
  ]

  @Test(arguments: hostile)
  func readsBackAsTheSameText(_ text: String) throws {
    let json = JSONText.string(text)
    let back = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String
    #expect(back == text)
    // Safe inside HTML: no raw markup characters, no raw line separators.
    #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
    #expect(!json.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
  }

  @Test func escapesAsDocumented() {
    #expect(JSONText.string("a<b\u{1}") == #""a\u003cb\u0001""#)
  }
}
