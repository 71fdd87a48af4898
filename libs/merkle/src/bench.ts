/**
 * Merkle benchmark (`npx ts-node-transpile-only libs/merkle/src/bench.ts`): frontier appends per second, proof
 * build times at 1,000,000 leaves with every stored node held in an in-memory Map, and verification times.
 * Single-threaded; prints figures, asserts nothing.
 */
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  CompactFrontier,
  consistencyProof,
  inclusionProof,
  leafHash,
  MemoryNodeStore,
  rootFromStore,
  signTreeHead,
  verifyConsistency,
  verifyInclusion,
  verifyTreeHead,
} from './index';

const LEAVES = 1_000_000;
const PROOFS = 10_000;

const print = (line: string) => process.stdout.write(`${line}\n`);
const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en')}/s`;
const micros = (ms: number, count: number) => `${((ms * 1000) / count).toFixed(1)} µs`;

/** Deterministic spread of indices (a fixed LCG), so runs are comparable. */
function* spread(count: number, below: number): Generator<number> {
  let x = 12345;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x % below;
  }
}

async function timeAsync(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  // Leaf hashes in one slab: the benchmark measures the tree, not 1M small allocations for its input.
  const slab = Buffer.alloc(LEAVES * 32);
  const hashingMs = time(() => {
    for (let i = 0; i < LEAVES; i++) leafHash(Buffer.from(`consent event ${i}`)).copy(slab, i * 32);
  });
  const leaf = (i: number) => slab.subarray(i * 32, i * 32 + 32);
  print(`leafHash:                          ${perSecond(LEAVES, hashingMs)}`);

  const bare = CompactFrontier.empty();
  const bareMs = time(() => {
    for (let i = 0; i < LEAVES; i++) bare.append(leaf(i));
  });
  print(`frontier append (nodes discarded): ${perSecond(LEAVES, bareMs)}`);

  const frontier = CompactFrontier.empty();
  const store = new MemoryNodeStore();
  const roots: Buffer[] = [];
  const storedMs = time(() => {
    for (let i = 0; i < LEAVES; i++) {
      store.put(frontier.append(leaf(i)));
      // Every 1000th root, to verify consistency proofs against without recomputing.
      if ((i + 1) % 1000 === 0) roots[i + 1] = frontier.root();
    }
  });
  const memory = process.memoryUsage();
  print(`frontier append + Map store:       ${perSecond(LEAVES, storedMs)} (${store.size.toLocaleString('en')} nodes)`);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  print(`memory after build:                rss ${mib(memory.rss)}, heap ${mib(memory.heapUsed)}`);

  const n = LEAVES;
  const root = frontier.root();
  const rootMs = await timeAsync(async () => {
    for (let i = 0; i < 1000; i++) await rootFromStore(n - i, store.reader);
  });
  print(`rootFromStore at ~1M:              ${micros(rootMs, 1000)}`);

  const indices = [...spread(PROOFS, n)];
  const proofs: Buffer[][] = [];
  const before = { ...store.stats };
  const inclusionMs = await timeAsync(async () => {
    for (const index of indices) proofs.push(await inclusionProof(index, n, store.reader));
  });
  const idsPerProof = (store.stats.ids - before.ids) / PROOFS;
  print(`inclusion proof build at 1M:       ${micros(inclusionMs, PROOFS)} (${idsPerProof.toFixed(1)} node ids/read)`);

  let valid = 0;
  const verifyMs = time(() => {
    indices.forEach((index, k) => (valid += verifyInclusion(leaf(index), index, n, proofs[k], root) ? 1 : 0));
  });
  print(`inclusion verify at 1M:            ${micros(verifyMs, PROOFS)} (${valid}/${PROOFS} valid)`);

  // Old sizes on the 1000 grid, so their roots are at hand for verification.
  const olds = [...spread(PROOFS, n / 1000 - 1)].map((k) => (k + 1) * 1000);
  const consistency: Buffer[][] = [];
  const consistencyMs = await timeAsync(async () => {
    for (const m of olds) consistency.push(await consistencyProof(m, n, store.reader));
  });
  print(`consistency proof build m→1M:      ${micros(consistencyMs, PROOFS)}`);

  valid = 0;
  const consistencyVerifyMs = time(() => {
    olds.forEach((m, k) => (valid += verifyConsistency(m, n, consistency[k], roots[m], root) ? 1 : 0));
  });
  print(`consistency verify m→1M:           ${micros(consistencyVerifyMs, PROOFS)} (${valid}/${PROOFS} valid)`);

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const head = { logId: 'bench', treeSize: n, rootHash: root, timestamp: Date.now() };
  const signature = signTreeHead(head, privateKey);
  const signMs = time(() => {
    for (let i = 0; i < 1000; i++) signTreeHead(head, privateKey);
  });
  const headVerifyMs = time(() => {
    for (let i = 0; i < 1000; i++) verifyTreeHead(head, signature, publicKey);
  });
  print(`tree head sign / verify:           ${micros(signMs, 1000)} / ${micros(headVerifyMs, 1000)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
