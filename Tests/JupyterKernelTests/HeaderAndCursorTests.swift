import Foundation
import Testing

@testable import JupyterKernel

@Suite struct HeaderDateTests {
  @Test func padsMicrosecondsToSixDigits() {
    #expect(HeaderDate.format(seconds: 0, microseconds: 42) == "1970-01-01T00:00:00.000042Z")
    #expect(HeaderDate.format(seconds: 1_714_564_800, microseconds: 999_999) == "2024-05-01T12:00:00.999999Z")
  }

  @Test func nowMatchesJupyterClientsPattern() throws {
    let pattern = try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$"#)
    #expect(HeaderDate.now().wholeMatch(of: pattern) != nil)
  }

  @Test func headersCarryEveryFieldAndOneSessionPerFactory() {
    let factory = MessageFactory()
    let a = factory.header("status")
    let b = factory.header("status")
    #expect(a.session == b.session)
    #expect(a.msgID != b.msgID)
    #expect(a.version == "5.4")
    let keys = Set(a.jsonValue.objectValue?.keys.map { $0 } ?? [])
    #expect(keys == ["msg_id", "session", "username", "date", "msg_type", "version"])
    #expect(MessageFactory().session != factory.session)
  }

  @Test func replyCopiesTheRawRequestHeaderAsParent() throws {
    let factory = MessageFactory()
    var request = factory.child(of: nil, type: "complete_request", content: [:])
    request.identities = [[7]]
    request.rawHeader = ["msg_id": "r1", "msg_type": "complete_request", "x-extra": true]
    let reply = factory.reply(to: request, content: ["status": "ok"])
    #expect(reply.msgType == "complete_reply")
    #expect(reply.identities == [[7]])
    #expect(reply.parentHeader["x-extra"] == true)
  }
}

@Suite struct UnicodeOffsetTests {
  // "👩‍👩‍👧x": 2 characters, 6 code points, 9 UTF-16 units, 19 bytes.
  let family = "👩‍👩‍👧x"

  @Test func countsCodePointsNotCharacters() {
    #expect(family.count == 2)
    #expect(UnicodeOffsets.length(of: family) == 6)
  }

  @Test func convertsBothWays() {
    let index = UnicodeOffsets.index(in: family, codePoint: 5)
    #expect(family[index...] == "x")
    #expect(UnicodeOffsets.codePoints(in: family, upTo: family.endIndex) == 6)
    #expect(UnicodeOffsets.codePoints(in: family, upTo: index) == 5)
  }

  @Test func clampsOutOfRangeCursors() {
    #expect(UnicodeOffsets.index(in: family, codePoint: 99) == family.endIndex)
    #expect(UnicodeOffsets.index(in: family, codePoint: -3) == family.startIndex)
  }
}
