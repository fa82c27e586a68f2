from tabularnas import Dataset

with Dataset("baker:metaqnn_cifar10") as data:      # or "naap440", "csv:PATH", "nashpobench2"
    print(data.configuration_count, data.epochs, data.metric, data.direction, data.cost_unit)
    run = data.start_run()                           # each run has its own log
    for index in range(20):
        run.query({"index": index, "epoch": 5})      # the dataset's request fields, as in 'replay'
    print(run.results()["final_accs"], run.total_cost)
