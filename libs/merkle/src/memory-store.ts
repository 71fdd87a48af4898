import { NodeId, NodeReader, nodeKey, StoredNode } from './subtrees';

/** Stored nodes kept in a Map: for tests, benchmarks and verifiers working from an exported bundle. */
export class MemoryNodeStore {
  private readonly nodes = new Map<string, Buffer>();
  /** How many times `reader` has been called, and how many ids it was asked for in all. */
  readonly stats = { calls: 0, ids: 0 };

  put(nodes: readonly StoredNode[]): void {
    for (const node of nodes) this.nodes.set(nodeKey(node), node.hash);
  }

  get size(): number {
    return this.nodes.size;
  }

  readonly reader: NodeReader = async (ids: readonly NodeId[]) => {
    this.stats.calls++;
    this.stats.ids += ids.length;
    const found = new Map<string, Buffer>();
    for (const id of ids) {
      const hash = this.nodes.get(nodeKey(id));
      if (!hash) throw new Error(`Merkle node ${nodeKey(id)} is not stored`);
      found.set(nodeKey(id), hash);
    }
    return found;
  };
}
