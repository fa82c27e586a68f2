#!/usr/bin/env python3
"""REINFORCE, BOHB, RS→REA and BOHB→REA in the style of the reference `bench_algos`, with the
reference's settings, written against the NASHPOBench2API interface (as bench_algos.py; `--api`
picks the import). REINFORCE needs PyTorch; BOHB needs hpbandster and ConfigSpace.

- reinforce: a softmax policy per edge, learning rate and batch size (logits 1e-3·randn),
  Adam 0.01, an exponential-moving-average baseline (momentum 0.9, bias-corrected), until the
  budget; reward: 12-epoch validation accuracy.
- bohb: hpbandster BOHB, η = 3, budgets 1…12 epochs (queried with iepoch=int(budget), so each
  evaluation pays from scratch), num_samples 4, random_fraction 0, bandwidth_factor 3,
  min_bandwidth 0.3, 40 iterations whatever the budget (as the reference).
- rs_then_rea: random learning rate and batch size on a random cell until 5,000 s, then
  evolution (population 10, sample 3) of the cell with the best found, until the budget; the log
  is not reset between the stages and evolution re-seeds Python's generator (as the reference).
- bohb_then_rea: BOHB over the learning rate and batch size of a random cell (4 iterations,
  num_samples 5), then the same evolution.

Prints one JSON object: {algorithm: [get_results per seed]}, and the seconds each took.

    python3 Tools/python/bench_algos_models.py --api reference --data DIR [--seeds 0:10] [--algorithms reinforce,bohb]
"""
import collections
import logging
import random

from bench_setup import parse, report


def main():
    args, NASHPOBench2API, get_ith_op, set_ith_op = parse(__doc__.split("\n")[0], "reinforce,bohb,rs_then_rea,bohb_then_rea")
    logging.basicConfig(level=logging.ERROR)
    api = NASHPOBench2API(args.data, verbose=False)

    def cellcode_of(ops):
        return f"{ops[0]}|{ops[1]}{ops[2]}|{ops[3]}{ops[4]}{ops[5]}"

    def reinforce(seed):
        import numpy as np
        import torch
        torch.manual_seed(seed)
        np.random.seed(seed)
        logits = [torch.nn.Parameter(1e-3 * torch.randn(6, 4)), torch.nn.Parameter(1e-3 * torch.randn(1, len(api.lrs))),
                  torch.nn.Parameter(1e-3 * torch.randn(1, len(api.batch_sizes)))]
        optimizer = torch.optim.Adam(logits, lr=0.01)
        numerator = denominator = 0.0
        while api.get_total_cost() < args.budget:
            dists = [torch.distributions.Categorical(torch.softmax(p, dim=-1)) for p in logits]
            actions = [d.sample() for d in dists]
            log_prob = sum(d.log_prob(a).sum() for d, a in zip(dists, actions))
            ops, lr, batch = actions[0].tolist(), actions[1].item(), actions[2].item()
            reward, _ = api.query_by_key(cellcode_of(ops), api.lrs[lr], api.batch_sizes[batch], epoch=12)
            numerator = 0.9 * numerator + 0.1 * reward
            denominator = 0.9 * denominator + 0.1
            loss = -log_prob * (reward - numerator / denominator)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        return api.get_results(epoch="both")

    def bohb_search(seed, cellcode, iterations, samples):
        """hpbandster BOHB on one worker; `cellcode` None searches the cell too."""
        import ConfigSpace
        import numpy as np
        import hpbandster.core.nameserver as hpns
        from hpbandster.core.worker import Worker
        from hpbandster.optimizers.bohb import BOHB
        random.seed(seed)
        np.random.seed(seed)
        space = ConfigSpace.ConfigurationSpace(seed=seed)
        add = getattr(space, "add_hyperparameter", None) or space.add   # ConfigSpace < 1 (hpbandster's) or ≥ 1
        names = ["cellcode"] if cellcode else [str(i) for i in range(6)]
        for name in names:
            add(ConfigSpace.CategoricalHyperparameter(name, [cellcode] if cellcode else [0, 1, 2, 3]))
        add(ConfigSpace.CategoricalHyperparameter("lr", list(api.lrs)))
        add(ConfigSpace.CategoricalHyperparameter("batch_size", list(api.batch_sizes)))

        class QueryWorker(Worker):
            def compute(self, config, budget, **kwargs):
                code = config["cellcode"] if cellcode else cellcode_of([config[str(i)] for i in range(6)])
                acc, _ = api.query_by_key(code, config["lr"], config["batch_size"], epoch=12, iepoch=int(budget))
                return {"loss": 100 - acc, "info": {}}

        server = hpns.NameServer(run_id="0", host="localhost", port=0)
        host, port = server.start()
        worker = QueryWorker(nameserver=host, nameserver_port=port, run_id="0", id=0)
        worker.run(background=True)
        optimizer = BOHB(configspace=space, run_id="0", eta=3, min_budget=1, max_budget=12, nameserver=host,
                         nameserver_port=port, num_samples=samples, random_fraction=0.0, bandwidth_factor=3,
                         ping_interval=10, min_bandwidth=0.3)
        optimizer.run(iterations, min_n_workers=1)
        optimizer.shutdown(shutdown_workers=True)
        server.shutdown()
        return api.get_results(epoch="both")

    def bohb(seed):
        return bohb_search(seed, None, 40, 4)

    def evolution_of_cells(seed, lr, batch_size):
        random.seed(seed)
        population = collections.deque()
        while len(population) < 10:
            key = dict(api.get_random_key(), lr=lr, batch_size=batch_size)
            population.append((key, api.query_by_key(**key, epoch=12)[0]))
        while api.get_total_cost() < args.budget:
            parent = max((random.choice(list(population)) for _ in range(3)), key=lambda member: member[1])
            child = dict(parent[0])
            edge = random.randrange(6)
            old = get_ith_op(child["cellcode"], edge)
            child["cellcode"] = set_ith_op(child["cellcode"], edge, random.choice([op for op in range(4) if op != old]))
            population.append((child, api.query_by_key(**child, epoch=12)[0]))
            population.popleft()
        return api.get_results(epoch="both")

    def rs_then_rea(seed):
        random.seed(seed)
        cellcode = random.choice(api.cellcodes)
        while api.get_total_cost() < 5000:
            api.query_by_key(**dict(api.get_random_key(), cellcode=cellcode), epoch=12)
        best = api.get_results(epoch="both")["best_key_trans"][-1]
        return evolution_of_cells(seed, best["lr"], best["batch_size"])

    def bohb_then_rea(seed):
        random.seed(seed)
        cellcode = random.choice(api.cellcodes)
        best = bohb_search(seed, cellcode, 4, 5)["best_key_trans"][-1]
        return evolution_of_cells(seed, best["lr"], best["batch_size"])

    report(api, args, {"reinforce": reinforce, "bohb": bohb, "rs_then_rea": rs_then_rea, "bohb_then_rea": bohb_then_rea})

if __name__ == "__main__":
    main()
