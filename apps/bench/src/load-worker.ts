import { parentPort, workerData } from 'node:worker_threads';
import { runScenario, type ScenarioSpec } from './load';

/** Runs one scenario's load off the api's thread: posts 'measuring' when the window opens, then the result. */
if (parentPort) {
  const port = parentPort;
  runScenario(workerData as ScenarioSpec, () => port.postMessage({ type: 'measuring' }))
    .then((result) => port.postMessage({ type: 'done', result }, [result.latencies.buffer, result.variantOf.buffer, result.finishedAt.buffer, result.outcomes.buffer] as ArrayBuffer[]))
    .catch((err: unknown) => port.postMessage({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
}
