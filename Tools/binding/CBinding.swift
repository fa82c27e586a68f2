@preconcurrency import Glibc
import TabularNAS

// The C interface of the NAS-HPO-Bench-II drop-in's in-process transport (Python ctypes): the
// same library calls `tabnas serve` makes, without a process in between. Handles are retained
// objects passed as opaque pointers; every function that can fail returns 0 on success, else
// 1 with a message (NUL-terminated, cut to the buffer) in `message`.

/// Copies a message into a caller's buffer, NUL-terminated and cut to its capacity; returns 1.
private func fail(_ text: String, into buffer: UnsafeMutablePointer<CChar>?, capacity: Int32) -> Int32 {
  guard let buffer, capacity > 0 else { return 1 }
  let bytes = Array(text.utf8.prefix(Int(capacity) - 1))
  for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
  buffer[bytes.count] = 0
  return 1
}

/// The split a C mode number names: 0 train, 1 valid, 2 test.
private func dataSplit(_ mode: Int32) -> DataSplit? {
  let splits = [DataSplit.train, .valid, .test]
  return splits.indices.contains(Int(mode)) ? splits[Int(mode)] : nil
}

/// A malloc'd NUL-terminated copy of a text, for the caller to release with `tabnas_free`.
private func copy(_ text: String) -> UnsafeMutablePointer<CChar>? {
  let bytes = Array(text.utf8)
  guard let buffer = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
  for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
  buffer[bytes.count] = 0
  return buffer
}

/// Opens the original pickles folder or a native file at `path` (NULL: the synthetic table). A
/// pickle folder goes through the environment's cache (``NativeFileCache/standard(folder:disabled:environment:)``),
/// whose warning, if any, is written to standard error.
@_cdecl("tabnas_nashpo_open")
public func tabnasNASHPOOpen(
  _ path: UnsafePointer<CChar>?, _ handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>,
  _ message: UnsafeMutablePointer<CChar>?, _ capacity: Int32
) -> Int32 {
  do {
    let benchmark = try path.map { path in
      try NASHPOBench2(contentsOf: String(cString: path), cache: .standard()) { outcome in
        if let warning = outcome.warning { fputs(warning + "\n", stderr) }
      }
    } ?? NASHPOBench2.synthetic()
    handle.pointee = Unmanaged.passRetained(BenchmarkHandle(benchmark: benchmark)).toOpaque()
    return 0
  } catch {
    return fail("\(error)", into: message, capacity: capacity)
  }
}

/// Releases a benchmark handle.
@_cdecl("tabnas_nashpo_close")
public func tabnasNASHPOClose(_ handle: UnsafeMutableRawPointer) {
  Unmanaged<BenchmarkHandle>.fromOpaque(handle).release()
}

/// Starts a run on a benchmark; `everyQuery` nonzero lets every split compete for the best,
/// as the reference API's log does.
@_cdecl("tabnas_nashpo_run_start")
public func tabnasNASHPORunStart(_ benchmark: UnsafeMutableRawPointer, _ everyQuery: Int32) -> UnsafeMutableRawPointer {
  let bench = Unmanaged<BenchmarkHandle>.fromOpaque(benchmark).takeUnretainedValue().benchmark
  let run = BenchmarkRun(benchmark: bench, ranking: everyQuery != 0 ? .everyQuery : .validationQueries)
  return Unmanaged.passRetained(RunHandle(run: run)).toOpaque()
}

/// Releases a run.
@_cdecl("tabnas_nashpo_run_close")
public func tabnasNASHPORunClose(_ run: UnsafeMutableRawPointer) {
  Unmanaged<RunHandle>.fromOpaque(run).release()
}

/// Forgets a run's queries.
@_cdecl("tabnas_nashpo_run_reset")
public func tabnasNASHPORunReset(_ run: UnsafeMutableRawPointer) {
  Unmanaged<RunHandle>.fromOpaque(run).takeUnretainedValue().run.reset()
}

/// A run's total cost.
@_cdecl("tabnas_nashpo_run_total_cost")
public func tabnasNASHPORunTotalCost(_ run: UnsafeMutableRawPointer) -> Double {
  Unmanaged<RunHandle>.fromOpaque(run).takeUnretainedValue().run.totalCost
}

/// Answers `query_by_key` (mode 0 train, 1 valid, 2 test; iepoch 0 for none), logged in `run`
/// when it is not NULL; `cost` is NaN when the query has none (epoch 200).
@_cdecl("tabnas_nashpo_query")
public func tabnasNASHPOQuery(
  _ benchmark: UnsafeMutableRawPointer, _ run: UnsafeMutableRawPointer?, _ cellcode: UnsafePointer<CChar>, _ lr: Double,
  _ batchSize: Int64, _ epoch: Int64, _ mode: Int32, _ iepoch: Int64, _ seed: Int64,
  _ accuracy: UnsafeMutablePointer<Double>, _ cost: UnsafeMutablePointer<Double>,
  _ message: UnsafeMutablePointer<CChar>?, _ capacity: Int32
) -> Int32 {
  do {
    guard let split = dataSplit(mode) else {
      return fail("mode \(mode) is not 0 (train), 1 (valid) or 2 (test)", into: message, capacity: capacity)
    }
    let key = try NASHPOKey(cellcode: String(cString: cellcode), lr: lr, batchSize: Int(batchSize))
    let result: QueryResult
    if let run {
      let handle = Unmanaged<RunHandle>.fromOpaque(run).takeUnretainedValue()
      result = try handle.run.query(key, epoch: Int(epoch), mode: split, iepoch: iepoch == 0 ? nil : Int(iepoch), seed: Int(seed))
    } else {
      let bench = Unmanaged<BenchmarkHandle>.fromOpaque(benchmark).takeUnretainedValue().benchmark
      result = try bench.query(key, epoch: Int(epoch), mode: split, iepoch: iepoch == 0 ? nil : Int(iepoch), seed: Int(seed))
    }
    accuracy.pointee = result.value
    cost.pointee = result.cost ?? .nan
    return 0
  } catch {
    return fail("\(error)", into: message, capacity: capacity)
  }
}

/// The search space the files hold, as JSON: `cellcodes`, `lrs`, `batch_sizes`, `seeds` (the
/// reference API's attributes, ascending) and `partial`; release it with `tabnas_free`.
@_cdecl("tabnas_nashpo_space")
public func tabnasNASHPOSpace(_ benchmark: UnsafeMutableRawPointer) -> UnsafeMutablePointer<CChar>? {
  copy(Unmanaged<BenchmarkHandle>.fromOpaque(benchmark).takeUnretainedValue().benchmark.searchSpaceJSON.text)
}

/// Answers `count` unlogged queries of the keys at positions (as `get_idx_from_key`) into
/// `accuracies` and `costs` (NaN where a query has none); all or nothing.
@_cdecl("tabnas_nashpo_query_batch")
public func tabnasNASHPOQueryBatch(
  _ benchmark: UnsafeMutableRawPointer, _ indices: UnsafePointer<Int64>, _ count: Int64, _ epoch: Int64, _ mode: Int32,
  _ iepoch: Int64, _ seed: Int64, _ accuracies: UnsafeMutablePointer<Double>, _ costs: UnsafeMutablePointer<Double>,
  _ message: UnsafeMutablePointer<CChar>?, _ capacity: Int32
) -> Int32 {
  let bench = Unmanaged<BenchmarkHandle>.fromOpaque(benchmark).takeUnretainedValue().benchmark
  guard let split = dataSplit(mode) else {
    return fail("mode \(mode) is not 0 (train), 1 (valid) or 2 (test)", into: message, capacity: capacity)
  }
  do {
    for row in 0..<Int(max(0, count)) {
      let index = Int(indices[row])
      guard (0..<bench.configurationCount).contains(index) else {
        return fail("index \(index) at \(row) is outside 0…\(bench.configurationCount - 1)", into: message, capacity: capacity)
      }
      let result = try bench.query(
        bench.configuration(at: index), epoch: Int(epoch), mode: split, iepoch: iepoch == 0 ? nil : Int(iepoch), seed: Int(seed))
      accuracies[row] = result.value
      costs[row] = result.cost ?? .nan
    }
    return 0
  } catch {
    return fail("\(error)", into: message, capacity: capacity)
  }
}

/// A run's log as JSON (trajectories, total cost, best); release it with `tabnas_free`.
@_cdecl("tabnas_nashpo_run_log")
public func tabnasNASHPORunLog(_ run: UnsafeMutableRawPointer) -> UnsafeMutablePointer<CChar>? {
  copy(Unmanaged<RunHandle>.fromOpaque(run).takeUnretainedValue().run.log.json.text)
}

/// A run's `get_results(epochs, mode)` as JSON, final accuracies read with `seed`; NULL with a
/// message on failure. Release it with `tabnas_free`.
@_cdecl("tabnas_nashpo_run_results")
public func tabnasNASHPORunResults(
  _ run: UnsafeMutableRawPointer, _ epochs: UnsafePointer<Int64>, _ epochCount: Int32, _ mode: Int32, _ seed: Int64,
  _ message: UnsafeMutablePointer<CChar>?, _ capacity: Int32
) -> UnsafeMutablePointer<CChar>? {
  let handle = Unmanaged<RunHandle>.fromOpaque(run).takeUnretainedValue()
  do {
    guard let split = dataSplit(mode) else {
      _ = fail("mode \(mode) is not 0, 1 or 2", into: message, capacity: capacity)
      return nil
    }
    let finalEpochs = (0..<Int(max(0, epochCount))).map { Int(epochs[$0]) }
    return copy(try handle.run.results(epochs: finalEpochs, mode: split, seed: Int(seed)).json.text)
  } catch {
    _ = fail("\(error)", into: message, capacity: capacity)
    return nil
  }
}

/// Releases text returned by this interface.
@_cdecl("tabnas_free")
public func tabnasFree(_ text: UnsafeMutablePointer<CChar>?) { free(text) }
