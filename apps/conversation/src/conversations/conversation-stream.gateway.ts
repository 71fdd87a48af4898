import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
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
import { ApiException, PeriodicTask, refusalBody } from '@candor/platform';
import type { WebSocket } from 'ws';
import { ConversationConfig } from '../config/conversation.config';
import { ConversationAccess } from './conversation-access';
import type { MessageView } from './dto/conversation.views';
import { ConversationsRepository } from './conversations.repository';
import { StreamLivenessRepository } from './stream-liveness.repository';

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
  /** The API key behind the subscriptions (agents): checked again on every sweep. */
  keyId?: string;
}

/** WebSocket close codes the stream uses (4000–4999 are the application's). */
export const STREAM_CLOSE = {
  credentialsRevoked: 4401,
  conversationClosed: 4410,
  /** The periodic check could not run: credentials are unproven, so the client must subscribe again. */
  recheckUnavailable: 1013,
} as const;

/**
 * Real-time delivery of a conversation's messages at `/v1/stream`. The
 * credential travels in the first frame, never in the URL:
 * `{"event":"subscribe","data":{"token":"vt.…"}}` (a visitor) or
 * `{"event":"subscribe","data":{"token":"cnd_…","conversationId":"…"}}` (an agent).
 * Messages then arrive as `{"event":"message","data":{…}}`.
 */
@WebSocketGateway({ path: '/v1/stream', maxPayload: 16_384 })
export class ConversationStreamGateway
  implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy
{
  private readonly logger = new Logger(ConversationStreamGateway.name);
  private readonly subscribers = new Map<string, Set<StreamSocket>>();
  private readonly recheck: PeriodicTask;
  private readonly recheckIntervalMs: number;
  /** When every open socket's credentials and conversation were last confirmed (ms since the epoch). */
  private lastRecheckAt = Date.now();

  constructor(
    private readonly verifier: CredentialVerifier,
    private readonly access: ConversationAccess,
    private readonly liveness: StreamLivenessRepository,
    private readonly conversations: ConversationsRepository,
    config: ConversationConfig,
  ) {
    this.recheckIntervalMs = config.STREAM_RECHECK_INTERVAL_MS;
    this.recheck = new PeriodicTask(this.recheckIntervalMs, () => this.recheckSockets());
  }

  onModuleInit(): void {
    this.recheck.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.recheck.stop();
  }

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
        throw new ApiException('unauthenticated', 'data.token is required');
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
      else socket.keyId = principal.keyId;
      socket.conversationIds ??= new Set();
      socket.conversationIds.add(conversationId);
      const sockets = this.subscribers.get(conversationId) ?? new Set();
      sockets.add(socket);
      this.subscribers.set(conversationId, sockets);
      return { event: 'subscribed', data: { conversationId } };
    } catch (error) {
      const refusal = refusalBody(error);
      if (!refusal) this.logger.error(`Subscribe failed: ${(error as Error).name}`);
      return { event: 'error', data: refusal ?? { code: 'internal_error', message: 'Subscription failed' } };
    }
  }

  /** Sends a stored message to every socket subscribed to its conversation (on this instance). */
  push(message: MessageView): void {
    const frame = JSON.stringify({ event: 'message', data: message });
    const now = Date.now();
    // Credentials not confirmed for three intervals (the database is away, say): nobody is sent anything.
    const unproven = now - this.lastRecheckAt > 3 * this.recheckIntervalMs;
    for (const socket of this.subscribers.get(message.conversationId) ?? []) {
      if (unproven) {
        socket.close(STREAM_CLOSE.recheckUnavailable, 'credentials could not be checked; subscribe again');
      } else if (socket.expiresAt !== undefined && socket.expiresAt <= now / 1000) {
        socket.close(STREAM_CLOSE.credentialsRevoked, 'visitor token expired');
      } else if (socket.readyState === socket.OPEN) {
        socket.send(frame);
      }
    }
  }

  /** The conversation closed on this instance: its sockets end now, not at the next check. */
  endConversation(conversationId: string): void {
    for (const socket of [...(this.subscribers.get(conversationId) ?? [])]) this.unsubscribe(socket, conversationId);
  }

  /**
   * Every open socket is checked again: one whose API key was revoked (or deleted with its tenant) is closed,
   * and each subscription to a conversation that closed (or was deleted) ends. Two queries, whatever the count.
   */
  private async recheckSockets(): Promise<void> {
    const conversationIds = [...this.subscribers.keys()];
    const sockets = new Set(conversationIds.flatMap((id) => [...this.subscribers.get(id)!]));
    const keyIds = [...new Set([...sockets].flatMap((socket) => (socket.keyId ? [socket.keyId] : [])))];
    try {
      const [validKeys, open] = await Promise.all([
        this.liveness.validKeyIds(keyIds),
        this.conversations.openIds(conversationIds),
      ]);
      for (const socket of sockets) {
        if (socket.keyId && !validKeys.has(socket.keyId)) {
          socket.close(STREAM_CLOSE.credentialsRevoked, 'credentials revoked');
          this.handleDisconnect(socket);
        }
      }
      for (const conversationId of conversationIds) {
        if (!open.has(conversationId)) this.endConversation(conversationId);
      }
      this.lastRecheckAt = Date.now();
    } catch (error) {
      this.logger.warn(`Re-checking stream sockets failed: ${(error as Error).name}`);
    }
  }

  /** Ends one subscription; a visitor's socket (one conversation) or an agent's last subscription closes. */
  private unsubscribe(socket: StreamSocket, conversationId: string): void {
    socket.conversationIds?.delete(conversationId);
    const sockets = this.subscribers.get(conversationId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.subscribers.delete(conversationId);
    if (socket.readyState !== socket.OPEN) return;
    if (socket.conversationIds?.size) {
      socket.send(JSON.stringify({ event: 'unsubscribed', data: { conversationId, reason: 'conversation_closed' } }));
    } else {
      socket.close(STREAM_CLOSE.conversationClosed, 'conversation closed');
    }
  }
}
