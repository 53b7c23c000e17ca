extension KernelCore {
  func complete(_ request: Message, io: any KernelIO) {
    guard case .success(let r) = request.content.decodeRequest(CodeAtCursorRequest.self) else {
      return replyDecodeFailure(request, CodeAtCursorRequest.self, io: io)
    }
    let cursor = r.cursorPos ?? UnicodeOffsets.length(of: r.code)
    let completion = interpreter.complete(code: r.code, cursor: cursor)
    // JupyterLab reads metadata._jupyter_types_experimental unconditionally: always send it.
    let types: [JSONValue] = completion.matches.enumerated().map { i, match in
      [
        "start": .int(completion.start), "end": .int(completion.end), "text": .string(match),
        "type": .string(i < completion.types.count ? completion.types[i] : ""),
        "signature": .string(i < completion.documentation.count ? completion.documentation[i] : ""),
      ]
    }
    let content: JSONValue = [
      "status": "ok", "matches": .array(completion.matches.map { .string($0) }),
      "cursor_start": .int(completion.start), "cursor_end": .int(completion.end),
      "metadata": ["_jupyter_types_experimental": .array(types)],
    ]
    io.reply(factory.reply(to: request, content: content), on: .shell)
  }

  func inspect(_ request: Message, io: any KernelIO) {
    guard case .success(let r) = request.content.decodeRequest(CodeAtCursorRequest.self) else {
      return replyDecodeFailure(request, CodeAtCursorRequest.self, io: io)
    }
    let cursor = r.cursorPos ?? UnicodeOffsets.length(of: r.code)
    let bundle = interpreter.inspect(code: r.code, cursor: cursor, detailLevel: r.detailLevel ?? 0)
    let content: JSONValue = [
      "status": "ok", "found": .bool(bundle != nil), "data": .object(bundle?.data ?? [:]),
      "metadata": .object(bundle?.metadata ?? [:]),
    ]
    io.reply(factory.reply(to: request, content: content), on: .shell)
  }

  func isComplete(_ request: Message, io: any KernelIO) {
    guard case .success(let r) = request.content.decodeRequest(IsCompleteRequest.self) else {
      return replyDecodeFailure(request, IsCompleteRequest.self, io: io)
    }
    let content: JSONValue =
      switch interpreter.isComplete(code: r.code) {
      case .complete: ["status": "complete"]
      case .incomplete(let indent): ["status": "incomplete", "indent": .string(indent)]
      case .invalid: ["status": "invalid"]
      case .unknown: ["status": "unknown"]
      }
    io.reply(factory.reply(to: request, content: content), on: .shell)
  }

  func historyReply(_ request: Message, io: any KernelIO) {
    guard case .success(let r) = request.content.decodeRequest(HistoryRequest.self) else {
      return replyDecodeFailure(request, HistoryRequest.self, io: io)
    }
    let entries: [HistoryStore.Entry] =
      switch r.histAccessType {
      case "tail": history.tail(r.n ?? 10)
      case "range": history.range(session: r.session ?? 0, start: r.start ?? 0, stop: r.stop)
      case "search": history.search(pattern: r.pattern ?? "*", n: r.n, unique: r.unique ?? false)
      default: []
      }
    let withOutput = r.output ?? false
    let items: [JSONValue] = entries.map { e in
      let input = JSONValue.string(e.input)
      let third: JSONValue = withOutput ? [input, e.output.map { .string($0) } ?? .null] : input
      return [.int(e.session), .int(e.line), third]
    }
    io.reply(factory.reply(to: request, content: ["status": "ok", "history": .array(items)]), on: .shell)
  }

  private func replyDecodeFailure<T: Decodable>(_ request: Message, _ type: T.Type, io: any KernelIO) {
    if case .failure(let error) = request.content.decodeRequest(type) {
      replyError(error, to: request, io: io)
    }
  }
}
