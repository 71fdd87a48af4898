import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { API_KEY_ROLES } from '@candor/contracts';
import { CredentialVerifier } from '@candor/auth';
import { ApiException } from '@candor/platform';
import type { WebSocket } from 'ws';
import { ConversationAccess } from './conversation-access';
import type { MessageView } from './dto/conversation.views';

const SUBSCRIBE_DEADLINE_MS = 10_000;

interface SubscribeRequest {
  token?: unknown;
  conversationId?: unknown;
}

interface StreamSocket extends WebSocket {
  conversationIds?: Set<string>;
  subscribeDeadline?: NodeJS.Timeout;
  /** When the visitor token behind the subscription expires (seconds since the epoch). */
  expiresAt?: number;
}

/**
 * Real-time delivery of a conversation's messages at `/v1/stream`. The
 * credential travels in the first frame, never in the URL:
 * `{"event":"subscribe","data":{"token":"vt.…"}}` (a visitor) or
 * `{"event":"subscribe","data":{"token":"cnd_…","conversationId":"…"}}` (an agent).
 * Messages then arrive as `{"event":"message","data":{…}}`.
 */
@WebSocketGateway({ path: '/v1/stream', maxPayload: 16_384 })
export class ConversationStreamGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(ConversationStreamGateway.name);
  private readonly subscribers = new Map<string, Set<StreamSocket>>();

  constructor(
    private readonly verifier: CredentialVerifier,
    private readonly access: ConversationAccess,
  ) {}

  handleConnection(socket: StreamSocket): void {
    socket.subscribeDeadline = setTimeout(() => {
      if (!socket.conversationIds?.size) socket.close(4408, 'subscribe timeout');
    }, SUBSCRIBE_DEADLINE_MS);
  }

  handleDisconnect(socket: StreamSocket): void {
    clearTimeout(socket.subscribeDeadline);
    for (const conversationId of socket.conversationIds ?? []) {
      const sockets = this.subscribers.get(conversationId);
      sockets?.delete(socket);
      if (sockets?.size === 0) this.subscribers.delete(conversationId);
    }
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: StreamSocket, @MessageBody() request: SubscribeRequest) {
    try {
      if (typeof request?.token !== 'string') {
        throw new ApiException(401, 'unauthenticated', 'data.token is required');
      }
      const principal = await this.verifier.verify(request.token, {
        roles: API_KEY_ROLES.filter((role) => role !== 'compliance'),
        visitors: true,
      });
      const conversationId =
        principal.kind === 'visitor' ? principal.conversationId : String(request.conversationId ?? '');
      await this.access.findConversation(principal, conversationId);
      // The socket may have closed while we were checking: registering it now would leak it.
      if (socket.readyState !== socket.OPEN) return undefined;
      if (principal.kind === 'visitor') socket.expiresAt = principal.expiresAt;
      socket.conversationIds ??= new Set();
      socket.conversationIds.add(conversationId);
      const sockets = this.subscribers.get(conversationId) ?? new Set();
      sockets.add(socket);
      this.subscribers.set(conversationId, sockets);
      return { event: 'subscribed', data: { conversationId } };
    } catch (error) {
      const body =
        error instanceof ApiException
          ? error.getResponse()
          : { code: 'internal_error', message: 'Subscription failed' };
      if (!(error instanceof ApiException)) this.logger.error(`Subscribe failed: ${(error as Error).name}`);
      return { event: 'error', data: body };
    }
  }

  /** Sends a stored message to every socket subscribed to its conversation (on this instance). */
  push(message: MessageView): void {
    const frame = JSON.stringify({ event: 'message', data: message });
    const now = Date.now() / 1000;
    for (const socket of this.subscribers.get(message.conversationId) ?? []) {
      if (socket.expiresAt !== undefined && socket.expiresAt <= now) {
        socket.close(4401, 'visitor token expired');
      } else if (socket.readyState === socket.OPEN) {
        socket.send(frame);
      }
    }
  }
}
