import type { PlaybookNode } from './playbook.types';

/** An edge of a node: the pointer of the property (relative to the node) and the node id it names. */
export interface NodeEdge {
  pointer: string;
  target: string;
}

function optional(pointer: string, target: string | undefined): NodeEdge[] {
  return target === undefined ? [] : [{ pointer, target }];
}

/** Every node id the runner could follow from this node, in document order. */
export function nodeEdges(node: PlaybookNode): NodeEdge[] {
  switch (node.kind) {
    case 'message':
      return [{ pointer: '/next', target: node.next }];
    case 'question':
      return [
        ...node.options.map((option, index) => ({ pointer: `/options/${index}/next`, target: option.next })),
        ...optional('/onNoMatch', node.onNoMatch),
      ];
    case 'collect':
      return [{ pointer: '/next', target: node.next }, ...optional('/onFail', node.onFail)];
    case 'consent':
      return [
        { pointer: '/onGranted', target: node.onGranted },
        { pointer: '/onDeclined', target: node.onDeclined },
        ...optional('/onNoMatch', node.onNoMatch),
      ];
    case 'branch':
      return [
        ...node.rules.map((rule, index) => ({ pointer: `/rules/${index}/next`, target: rule.next })),
        { pointer: '/otherwise', target: node.otherwise },
      ];
    case 'meeting':
    case 'secure_channel':
    case 'data_request':
      return optional('/next', node.next);
    case 'handoff':
    case 'end':
      return [];
  }
}

/** Nodes that wait for the visitor's next message. */
export function isWaitingNode(node: PlaybookNode): boolean {
  return node.kind === 'question' || node.kind === 'collect' || node.kind === 'consent';
}

/** Nodes where a run can finish: end, handoff, and actions without next. */
export function isExitNode(node: PlaybookNode): boolean {
  return !isWaitingNode(node) && nodeEdges(node).length === 0;
}
