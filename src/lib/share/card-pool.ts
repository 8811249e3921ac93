/**
 * Share cards drawn on several cores: worker threads (draw-worker.ts), one per core unless
 * SHARE_IMAGE_THREADS says otherwise (0: every card is drawn in the build's own thread). The
 * workers start with the first card and hold the process open only while they draw.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drawCard, type DrawJob, type Drawn } from './draw-card';
import type { DrawReply } from './draw-worker';

/**
 * The worker's file. Astro bundles the site's code for the build, so the file is found from the
 * project root, the build's working directory (as the card cache is, image.ts).
 */
const WORKER_FILE = join(process.cwd(), 'src', 'lib', 'share', 'draw-worker.ts');

/** How many worker threads draw cards: SHARE_IMAGE_THREADS, else one per core. */
export function cardThreads(setting = process.env.SHARE_IMAGE_THREADS): number {
  if (setting === undefined || setting.trim() === '') return availableParallelism();
  const threads = Number(setting);
  if (!Number.isInteger(threads) || threads < 0) {
    throw new Error(`SHARE_IMAGE_THREADS must be a whole number, 0 or more (0: cards are drawn in the build's own thread), not "${setting}"`);
  }
  return threads;
}

interface Task {
  job: DrawJob;
  resolve: (drawn: Drawn) => void;
  reject: (error: Error) => void;
}

/** Cards drawn by worker threads, first come first drawn. */
export class CardPool {
  private readonly size: number;
  private readonly queue: Task[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();

  constructor(size: number) {
    this.size = size;
  }

  /** Draws a card on the next free worker (in this thread when the pool has none). */
  draw(job: DrawJob): Promise<Drawn> {
    if (this.size === 0) return drawCard(job);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.idle.length + this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage(task.job);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_FILE);
    const finish = () => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      return task;
    };
    worker.on('message', (reply: DrawReply) => {
      const task = finish()!;
      worker.unref();
      this.idle.push(worker);
      if ('error' in reply) task.reject(new Error(`A worker thread failed to draw a share card:\n${reply.error}`));
      // A Buffer arrives as a plain Uint8Array.
      else task.resolve('png' in reply ? { png: Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength) } : reply);
      this.dispatch();
    });
    const lost = (error: Error) => {
      finish()?.reject(error);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      this.dispatch();
    };
    worker.on('error', (error) => lost(new Error(`A worker thread drawing share cards failed (${WORKER_FILE}): ${error.message}`, { cause: error })));
    worker.on('exit', (code) => lost(new Error(`A worker thread drawing share cards stopped (exit code ${code})`)));
    return worker;
  }
}

let pool: CardPool | undefined;

/** The build's pool (cardThreads workers). */
export function cardPool(): CardPool {
  pool ??= new CardPool(cardThreads());
  return pool;
}
