import random
from tabularnas import Dataset, TabNASError

with Dataset() as data:                              # NAS-HPO-Bench-II, epochs 1…12
    workers = data.start_workers(8, budget={"time": 20000})
    rng, configuration, waiting = random.Random(0), [], []   # a tiny asynchronous successive halving
    while True:
        while workers.status()["free_worker"] is not None:
            try:
                if len(waiting) >= 3:                # promote the best third of the 4-epoch results
                    waiting.sort()
                    _, trial = waiting.pop()
                    del waiting[:len(waiting) // 3]
                    workers.submit(trial, index=configuration[trial], epochs=12)   # resumes: pays epochs 5–12
                else:
                    configuration.append(rng.randrange(data.configuration_count))
                    workers.submit(len(configuration) - 1, index=configuration[-1], epochs=4)
            except TabNASError:                      # the time budget is spent
                break
        done = workers.next()                        # the next completion, in simulated time
        if done is None:
            break
        if done["epochs"] == 4:
            waiting.append((done["value"], done["trial"]))
    results = workers.results()
    print(max(results["acc_trans"]), results["final_accs"], results["timeline"]["utilisation"])
