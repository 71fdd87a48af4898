export { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash, rootFromLeafHashes } from './hashing';
export { nodeKey, perfectSubtrees } from './subtrees';
export type { NodeId, NodeReader, StoredNode } from './subtrees';
export { CompactFrontier } from './frontier';
export { consistencyProof, inclusionProof, rootFromStore } from './proofs';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';
export { signTreeHead, treeHeadSigningInput, verifyTreeHead } from './tree-head';
export type { TreeHead } from './tree-head';
export { MemoryNodeStore } from './memory-store';
