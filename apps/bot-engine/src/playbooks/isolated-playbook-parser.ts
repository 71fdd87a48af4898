import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ParseResult } from './model';
import { BotEngineError } from '../bot-engine-error';

/** A document the worker has not parsed by then is refused: no real playbook comes close. */
export const PLAYBOOK_PARSE_TIMEOUT_MS = 2_000;

/**
 * Runs in the worker: the model's own `parsePlaybook`, loaded from its module (its TypeScript source in tests,
 * registered through ts-node; the compiled JavaScript when deployed).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.register) require(workerData.register);
const { parsePlaybook } = require(workerData.module);
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, source, format }) => {
  parentPort.postMessage({ id, result: parsePlaybook(source, format) });
});
`;

interface Pending {
  resolve(result: ParseResult): void;
  timer: NodeJS.Timeout;
}

/**
 * Parses uploaded playbooks off the event loop. YAML parsing costs far more than its size suggests (20,000
 * short keys in 256 KiB took the parser 10 s; a pathological document stalls whatever shares the thread:
 * every tenant's bot replies). A worker thread does the parsing, with a time and memory limit; past the time
 * it is terminated (and replaced on the next upload) and the document refused as too complex.
 */
@Injectable()
export class IsolatedPlaybookParser implements OnModuleDestroy {
  private readonly logger = new Logger(IsolatedPlaybookParser.name);
  private worker: { thread: Worker; ready: Promise<void> } | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  async parse(source: string, format: 'json' | 'yaml'): Promise<ParseResult> {
    const worker = this.running();
    // Loading the parser is not parsing: the clock starts once the worker is ready.
    await worker.ready.catch(() => {
      throw new BotEngineError('parser_unavailable', 'Playbooks cannot be parsed right now; try again shortly');
    });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn(`A ${format} playbook took longer than ${PLAYBOOK_PARSE_TIMEOUT_MS} ms to parse; refused`);
        this.restart(tooComplex());
      }, PLAYBOOK_PARSE_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      worker.thread.postMessage({ id, source, format });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.thread.terminate();
  }

  private running(): { thread: Worker; ready: Promise<void> } {
    if (this.worker) return this.worker;
    const module = require.resolve('./model/parse-playbook');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        module,
        register: module.endsWith('.ts') ? require.resolve('ts-node/register/transpile-only') : null,
      },
      resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 8 },
    });
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { ready?: true; id: number; result: ParseResult }) =>
        message.ready ? resolve() : this.settle(message.id, message.result),
      );
      worker.on('error', (error) => {
        this.logger.error(`The playbook parser failed: ${error.name}`);
        reject(error);
        this.restart(tooComplex());
      });
    });
    worker.unref();
    this.worker = { thread: worker, ready };
    return this.worker;
  }

  private settle(id: number, result: ParseResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    pending.resolve(result);
  }

  /** Ends the worker (stuck or out of memory): every document it held is refused, the next upload starts anew. */
  private restart(result: ParseResult): void {
    void this.worker?.thread.terminate();
    this.worker = undefined;
    for (const id of [...this.pending.keys()]) this.settle(id, result);
  }
}

function tooComplex(): ParseResult {
  return {
    ok: false,
    errors: [
      {
        path: '',
        nodeId: null,
        code: 'too_complex',
        message: `could not be parsed within ${PLAYBOOK_PARSE_TIMEOUT_MS} ms; simplify the document`,
      },
    ],
  };
}
