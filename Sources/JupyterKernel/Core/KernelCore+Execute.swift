extension KernelCore {
  mutating func execute(_ request: Message, io: any KernelIO) -> Aftermath {
    let parsed: ExecuteRequest
    switch request.content.decodeRequest(ExecuteRequest.self) {
    case .success(let value): parsed = value
    case .failure(let error):
      replyError(error, to: request, io: io, extra: ["execution_count": .int(executionCount)])
      return .proceed
    }
    let cell = number(parsed, request, io: io)
    interrupt.lower()
    let context = ExecutionContext(
      io: io, factory: factory, request: request, executionCount: cell.count, isSilent: parsed.silent,
      allowsInput: parsed.allowStdin, interrupt: interrupt)
    let outcome =
      cell.isBlank ? .success(result: nil, payloads: []) : interpreter.execute(code: parsed.code, context: context)
    interrupt.lower()
    switch outcome {
    case .success(let result, let payloads):
      succeed(parsed, request, cell, result: result, payloads: payloads, io: io)
      return .proceed
    case .failure(let error):
      if !parsed.silent { io.publish(factory.child(of: request, type: "error", content: .object(error.fields))) }
      replyError(error, to: request, io: io, extra: ["execution_count": .int(cell.count)])
      return parsed.stopOnError && !parsed.silent ? .abortQueuedExecutions(idle: idleStatus(request)) : .proceed
    }
  }

  /// The number a cell runs under, its `execute_input`, and its history line.
  ///
  /// Like IPython: only stored, non-blank cells take a new number.
  private mutating func number(_ parsed: ExecuteRequest, _ request: Message, io: any KernelIO) -> (
    count: Int, stores: Bool, isBlank: Bool
  ) {
    let isBlank = parsed.code.allSatisfy(\.isWhitespace)
    let stores = parsed.storeHistory && !isBlank
    let count = stores ? executionCount + 1 : executionCount
    if !parsed.silent {
      io.publish(
        factory.child(
          of: request, type: "execute_input",
          content: ["code": .string(parsed.code), "execution_count": .int(count)]))
    }
    if stores {
      executionCount = count
      history.append(line: count, input: parsed.code)
    }
    return (count, stores, isBlank)
  }

  /// The result (unless silent) and the `ok` reply of a cell that ran.
  private mutating func succeed(
    _ parsed: ExecuteRequest, _ request: Message, _ cell: (count: Int, stores: Bool, isBlank: Bool),
    result: DisplayBundle?, payloads: [Payload], io: any KernelIO
  ) {
    if let result, !parsed.silent {
      io.publish(
        factory.child(
          of: request, type: "execute_result",
          content: [
            "execution_count": .int(cell.count), "data": .object(result.data), "metadata": .object(result.metadata),
          ]))
      if cell.stores, let text = result.plainText { history.setOutput(text, line: cell.count) }
    }
    let content: JSONValue = [
      "status": "ok", "execution_count": .int(cell.count),
      "user_expressions": .object(evaluateUserExpressions(parsed.userExpressions)),
      "payload": .array(payloads.map(\.jsonValue)),
    ]
    io.reply(factory.reply(to: request, content: content), on: .shell)
  }

  private mutating func evaluateUserExpressions(_ expressions: [String: String]) -> [String: JSONValue] {
    var results: [String: JSONValue] = [:]
    for (name, expression) in expressions.sorted(by: { $0.key < $1.key }) {
      switch interpreter.evaluate(expression: expression) {
      case .success(let bundle):
        results[name] = ["status": "ok", "data": .object(bundle.data), "metadata": .object(bundle.metadata)]
      case .failure(let error):
        var fields = error.fields
        fields["status"] = "error"
        results[name] = .object(fields)
      }
    }
    return results
  }
}
