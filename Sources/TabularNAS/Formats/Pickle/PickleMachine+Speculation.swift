extension PickleMachine {
  /// Runs a machine over a mapped file with its default memo and hands it, run, to `body`; if a
  /// speculative memo fails (``PickleMemoSpeculationFailed``), runs a new machine with a fresh
  /// consumer and a scanned memo instead. Containers are released after `body`.
  static func run<Result>(
    _ file: MappedFile, consumer makeConsumer: () -> Consumer,
    _ body: (_ machine: inout PickleMachine, _ root: PickleObject) throws -> Result
  ) throws -> Result {
    func attempt(_ memo: PickleMemoPolicy?) throws -> Result {
      var machine = PickleMachine(file, consumer: makeConsumer(), memo: memo)
      defer { machine.releaseContainers() }
      let root = try machine.run()
      return try body(&machine, root)
    }
    do { return try attempt(nil) } catch is PickleMemoSpeculationFailed { return try attempt(.scanned) }
  }
}
