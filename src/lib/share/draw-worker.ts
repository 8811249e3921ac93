/**
 * A worker thread of the card pool (card-pool.ts): draws each card it is sent (draw-card.ts) and
 * sends back the PNG, or what went wrong. Node runs this file as it is (types stripped), so it
 * imports nothing but draw-card.ts, with its extension.
 */
import { parentPort } from 'node:worker_threads';
import { drawCard, type DrawJob, type Drawn } from './draw-card.ts';

/** What the worker answers to a job. */
export type DrawReply = Drawn | { error: string };

parentPort!.on('message', async (job: DrawJob) => {
  let reply: DrawReply;
  try {
    reply = await drawCard(job);
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
