import { nodePointer } from './json-pointer';
import { isExitNode, isWaitingNode, nodeEdges } from './node-edges';
import type { Playbook, PlaybookError } from './playbook.types';

const NAMED_NODES = 8;

function nameNodes(ids: string[]): string {
  const named = ids.slice(0, NAMED_NODES).join(' → ');
  return ids.length > NAMED_NODES ? `${named} → … (${ids.length} nodes)` : named;
}

/** Edges whose target exists; dangling ones are reported once, as dangling_edge, and ignored by the other checks. */
function successors(playbook: Playbook): Map<string, string[]> {
  return new Map(
    Object.entries(playbook.nodes).map(([id, node]) => [
      id,
      nodeEdges(node)
        .map((edge) => edge.target)
        .filter((target) => Object.hasOwn(playbook.nodes, target)),
    ]),
  );
}

/** Nodes reachable from `from`, in breadth-first order, following `next` (restricted to `allowed` when given). */
function reachable(from: string, next: Map<string, string[]>, allowed?: Set<string>): string[] {
  const seen = new Set([from]);
  const queue = [from];
  for (let index = 0; index < queue.length; index++) {
    for (const target of next.get(queue[index]) ?? []) {
      if (seen.has(target) || (allowed && !allowed.has(target))) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return queue;
}

function danglingEdges(playbook: Playbook): PlaybookError[] {
  return Object.entries(playbook.nodes).flatMap(([id, node]) =>
    nodeEdges(node)
      .filter((edge) => !Object.hasOwn(playbook.nodes, edge.target))
      .map((edge) => ({
        path: nodePointer(id, edge.pointer),
        nodeId: id,
        code: 'dangling_edge',
        message: `points at node "${edge.target}", which does not exist`,
      })),
  );
}

function unreachableNodes(playbook: Playbook, next: Map<string, string[]>): PlaybookError[] {
  if (!Object.hasOwn(playbook.nodes, playbook.start)) return [];
  const seen = new Set(reachable(playbook.start, next));
  return Object.keys(playbook.nodes)
    .filter((id) => !seen.has(id))
    .map((id) => ({
      path: nodePointer(id),
      nodeId: id,
      code: 'unreachable_node',
      message: `node "${id}" cannot be reached from start node "${playbook.start}"`,
    }));
}

/** Nodes from which no end, handoff or final action can be reached: the visitor would be stuck in a loop. */
function nodesWithoutExit(playbook: Playbook, next: Map<string, string[]>): PlaybookError[] {
  const previous = new Map<string, string[]>(Object.keys(playbook.nodes).map((id) => [id, []]));
  for (const [id, targets] of next) for (const target of targets) previous.get(target)?.push(id);
  const canExit = new Set<string>();
  for (const [id, node] of Object.entries(playbook.nodes)) {
    // A dangling edge is already an error; counting it as an exit avoids a second, misleading one.
    const dangling = nodeEdges(node).some((edge) => !Object.hasOwn(playbook.nodes, edge.target));
    if (isExitNode(node) || dangling) for (const reached of reachable(id, previous)) canExit.add(reached);
  }
  return Object.keys(playbook.nodes)
    .filter((id) => !canExit.has(id))
    .map((id) => ({
      path: nodePointer(id),
      nodeId: id,
      code: 'no_exit',
      message: `no end, handoff or final action can be reached from node "${id}": it only leads around the loop ${nameNodes(reachable(id, next))}`,
    }));
}

/** Strongly connected components (Tarjan); at most a few hundred nodes, so recursion is safe. */
function components(ids: string[], next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (id: string) => {
    index.set(id, index.size);
    low.set(id, index.get(id) as number);
    stack.push(id);
    onStack.add(id);
    for (const target of next.get(id) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(id, Math.min(low.get(id) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(id, Math.min(low.get(id) as number, index.get(target) as number));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    found.push(component);
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return found;
}

/** Cycles through nodes that never wait for the visitor would spin forever within one turn. */
function loopsWithoutInput(playbook: Playbook, next: Map<string, string[]>): PlaybookError[] {
  const order = Object.keys(playbook.nodes);
  const spinning = order.filter((id) => !isWaitingNode(playbook.nodes[id]));
  const allowed = new Set(spinning);
  const inner = new Map(spinning.map((id) => [id, (next.get(id) ?? []).filter((target) => allowed.has(target))]));
  return components(spinning, inner)
    .filter((component) => component.length > 1 || (inner.get(component[0]) ?? []).includes(component[0]))
    .map((component) => {
      const first = order.find((id) => component.includes(id)) as string;
      const loop = reachable(first, inner, new Set(component));
      return {
        path: nodePointer(first),
        nodeId: first,
        code: 'loop_without_input',
        message: `the loop ${nameNodes([...loop, first])} never waits for the visitor (add a question, collect or consent node), so it would run forever`,
      };
    });
}

/** Structural checks of the node graph; the schema has already checked the shape. */
export function checkGraph(playbook: Playbook): PlaybookError[] {
  const next = successors(playbook);
  const start: PlaybookError[] = Object.hasOwn(playbook.nodes, playbook.start)
    ? []
    : [
        {
          path: '/start',
          nodeId: null,
          code: 'unknown_start',
          message: `start node "${playbook.start}" does not exist`,
        },
      ];
  return [
    ...start,
    ...danglingEdges(playbook),
    ...unreachableNodes(playbook, next),
    ...nodesWithoutExit(playbook, next),
    ...loopsWithoutInput(playbook, next),
  ];
}
