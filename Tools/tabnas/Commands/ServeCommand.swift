@preconcurrency import Glibc
import TabularNAS

/// `tabnas serve`: the JSON-lines protocol on standard input and output, so algorithms in any
/// language query a dataset, keep runs and drive simulated workers through the library.
struct ServeCommand: Command {
  static let name = "serve"
  static let abstract = "Answer JSON-lines requests on stdin/stdout: queries, runs, simulated workers."
  static let usage = """
    usage: tabnas serve [--dataset NAME] [--data PATH] [dataset options]

    Opens one dataset and answers one JSON object per line on standard input with one JSON
    object per line on standard output, until the input ends (protocol version \(ServeOperation.protocolVersion)).
    A request is {"id": ANY, "op": OP, ...}; its response {"id": ANY, "ok": true, ...} or
    {"id": ANY, "ok": false, "error": {"kind": K, "message": M}}. A malformed line is answered
    with an error and changes nothing; blank lines are ignored.

    ops:
      hello                                   protocol version, server, dataset, ops, warnings
      describe [information: false]           configurations, request fields, epochs, metric,
                                              direction, cost unit, the dataset's info (false:
                                              without it, which reads every configuration)
      configuration {index | indices}         configurations by position, as key objects
      query {query | queries | columns}       unlogged queries (a query object has the
                                              dataset's request fields, as in 'replay';
                                              columns: {field: [values]} -> {"columns": …})
      run.start [ranking: validation|every]   a run with its own log -> {"run": ID}
      run.query {run, query|queries|columns}  logged queries (a batch is all or nothing)
      run.log {run}                           the log so far: trajectories, total cost, best
      run.results {run, [options]}            get_results (options: final_epochs; NAS-HPO-
                                              Bench-II also mode and seed)
      run.reset {run} / run.close {run}       forget a run's queries / close it
      workers.start {workers, [budget]}       simulated workers; budget {"cost"|"time"|
                                              "trials": amount} -> {"session": ID}
      workers.submit {session, trial, index | configuration, [epochs], [decision_time]}
                                              start a trial on the lowest free worker (a trial
                                              id seen before resumes, paying new epochs only)
      workers.next {session}                  advance to the next completion and return it
                                              (null when nothing runs or the deadline passed)
      workers.status {session}                clock, free worker, running and started trials
      workers.results {session, [options]}    get_results with the timeline
      workers.close {session}

    \(DatasetOptions.usage)
      --help                 show this help
    """

  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    dataset = try DatasetOptions(parsing: &arguments, acceptsJSON: false)
  }

  func run(console: Console) throws {
    // Warnings go to standard error and into `hello`, where a client that pipes stderr sees them.
    var warnings: [String] = []
    let benchmark = try dataset.choice.open(dataset.options) { warning in
      console.printError(warning)
      warnings.append(warning)
    }
    serve(benchmark, warnings: warnings, lines: AnyIterator { readLine(strippingNewline: true) }, console: console)
  }

  /// Answers every non-blank line, flushing after each answer so a client can wait for it.
  func serve<B: RegisteredBenchmark>(_ benchmark: B, warnings: [String] = [], lines: some Sequence<String>, console: Console) {
    var session = ServeSession(benchmark: benchmark, warnings: warnings)
    for line in lines where !line.allSatisfy(\.isWhitespace) {
      console.print(session.respond(to: line))
      fflush(stdout)
    }
  }
}
