/**
 * A minimal visitor-side client of the conversation service: start a
 * conversation, follow it on the WebSocket stream, post a message and wait for
 * the bot's reply. The same public API a website widget uses.
 */
import WebSocket from 'ws';
import { withTimeout } from './stats';

/** The Origin every bench conversation comes from (allowed on the bench tenant). */
export const BENCH_ORIGIN = 'https://bench.example';

export interface BenchTenant {
  siteKey: string;
  adminKey: string;
}

interface StreamFrame {
  event: string;
  data?: { sequence?: unknown; senderKind?: unknown; code?: unknown; message?: unknown };
}

/** POST with a JSON body; returns the parsed body, or throws naming the status and the error body. */
async function postJson<T>(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new Error(`POST ${new URL(url).pathname} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return JSON.parse(text) as T;
}

export async function createTenant(baseUrl: string, bootstrapKey: string, timeoutMs: number): Promise<BenchTenant> {
  const created = await postJson<{ tenant: { siteKey: string }; adminApiKey: { apiKey: string } }>(
    `${baseUrl}/v1/tenants`,
    { name: 'Bench Inc', allowedOrigins: [BENCH_ORIGIN] },
    { authorization: `Bearer ${bootstrapKey}` },
    timeoutMs,
  );
  return { siteKey: created.tenant.siteKey, adminKey: created.adminApiKey.apiKey };
}

/** One visitor in one conversation, subscribed to its stream. */
export class VisitorSession {
  /** Highest bot message sequence seen on the stream. */
  private lastBotSequence = 0;
  private waiter: { after: number; resolve: () => void; reject: (error: Error) => void } | undefined;
  private closedReason: string | undefined;

  private constructor(
    private readonly baseUrl: string,
    readonly conversationId: string,
    private readonly visitorToken: string,
    private readonly socket: WebSocket,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Starts a conversation, subscribes to its stream and waits for the bot's
   * greeting, so the measured messages never race it.
   */
  static async open(baseUrl: string, tenant: BenchTenant, timeoutMs: number): Promise<VisitorSession> {
    const started = await postJson<{ conversation: { id: string }; visitorToken: string }>(
      `${baseUrl}/v1/conversations`,
      { siteKey: tenant.siteKey, locale: 'en' },
      { origin: BENCH_ORIGIN },
      timeoutMs,
    );
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/stream`);
    const session = new VisitorSession(baseUrl, started.conversation.id, started.visitorToken, socket, timeoutMs);
    try {
      await session.subscribe();
      await session.waitForGreeting();
    } catch (error) {
      session.close();
      throw error;
    }
    return session;
  }

  private async subscribe(): Promise<void> {
    const subscribed = new Promise<void>((resolve, reject) => {
      this.socket.once('open', () =>
        this.socket.send(JSON.stringify({ event: 'subscribe', data: { token: this.visitorToken } })),
      );
      this.socket.on('message', (raw) => {
        const frame = JSON.parse(raw.toString()) as StreamFrame;
        if (frame.event === 'subscribed') resolve();
        else if (frame.event === 'error') reject(new Error(`subscription refused: ${JSON.stringify(frame.data)}`));
        else if (frame.event === 'message') this.onMessage(frame);
      });
      this.socket.on('error', (error) => {
        reject(error);
        this.fail(`WebSocket error: ${error.message}`);
      });
      this.socket.on('close', (code) => {
        reject(new Error(`WebSocket closed (${code}) before subscribing`));
        this.fail(`WebSocket closed (${code})`);
      });
    });
    await withTimeout(subscribed, this.timeoutMs, `the stream subscription of conversation ${this.conversationId}`);
  }

  /** The greeting may have been stored before the subscription: look at the transcript too. */
  private async waitForGreeting(): Promise<void> {
    if (this.lastBotSequence > 0) return;
    const response = await fetch(`${this.baseUrl}/v1/conversations/${this.conversationId}/messages`, {
      headers: { authorization: `Bearer ${this.visitorToken}` },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status !== 200) throw new Error(`transcript answered ${response.status}`);
    const messages = (await response.json()) as { sequence: number; senderKind: string }[];
    for (const message of messages) {
      if (message.senderKind === 'bot') this.lastBotSequence = Math.max(this.lastBotSequence, message.sequence);
    }
    if (this.lastBotSequence > 0) return;
    await withTimeout(this.botMessageAfter(0), this.timeoutMs, `the greeting of conversation ${this.conversationId}`);
  }

  /**
   * Posts a visitor message and resolves when the bot's reply to it (the first
   * bot message with a higher sequence) has arrived on the WebSocket.
   */
  async sendAndAwaitReply(text: string): Promise<void> {
    const posted = await postJson<{ sequence: number }>(
      `${this.baseUrl}/v1/conversations/${this.conversationId}/messages`,
      { text },
      { authorization: `Bearer ${this.visitorToken}` },
      this.timeoutMs,
    );
    await withTimeout(
      this.botMessageAfter(posted.sequence),
      this.timeoutMs,
      `the bot reply to message ${posted.sequence} of conversation ${this.conversationId}`,
    );
  }

  close(): void {
    this.closedReason ??= 'closed by the benchmark';
    this.socket.removeAllListeners('close');
    this.socket.on('error', () => undefined);
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.terminate();
    }
  }

  private botMessageAfter(sequence: number): Promise<void> {
    if (this.lastBotSequence > sequence) return Promise.resolve();
    if (this.closedReason) return Promise.reject(new Error(this.closedReason));
    return new Promise((resolve, reject) => {
      this.waiter = { after: sequence, resolve, reject };
    });
  }

  private onMessage(frame: StreamFrame): void {
    if (frame.data?.senderKind !== 'bot' || typeof frame.data.sequence !== 'number') return;
    this.lastBotSequence = Math.max(this.lastBotSequence, frame.data.sequence);
    if (this.waiter && this.lastBotSequence > this.waiter.after) {
      this.waiter.resolve();
      this.waiter = undefined;
    }
  }

  private fail(reason: string): void {
    this.closedReason ??= reason;
    this.waiter?.reject(new Error(`conversation ${this.conversationId}: ${reason}`));
    this.waiter = undefined;
  }
}
