import WebSocket from 'ws';
import { waitFor } from '@candor/testing';

/** A WebSocket client of `/v1/stream` that records every frame it receives. */
export class StreamClient {
  readonly frames: { event: string; data: Record<string, unknown> }[] = [];
  private readonly receivedAt = new Map<string, number>();
  /** The close code and reason the server gave, once the socket closed. */
  closed: { code: number; reason: string } | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      this.frames.push(frame);
      if (frame.event === 'message') this.receivedAt.set(String(frame.data.id), performance.now());
    });
  }

  static async connect(baseUrl: string, token: string, conversationId?: string): Promise<StreamClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/stream`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new StreamClient(socket);
    socket.send(JSON.stringify({ event: 'subscribe', data: { token, conversationId } }));
    await waitFor(() => client.frames.find((frame) => frame.event === 'subscribed' || frame.event === 'error'), {
      what: 'subscription answer',
    });
    return client;
  }

  get subscribed(): boolean {
    return this.frames.some((frame) => frame.event === 'subscribed');
  }

  messages(): Record<string, unknown>[] {
    return this.frames.filter((frame) => frame.event === 'message').map((frame) => frame.data);
  }

  close(): void {
    this.socket.close();
  }
}
