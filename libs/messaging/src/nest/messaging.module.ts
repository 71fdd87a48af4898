import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Outbox } from '../outbox/outbox';
import type { MessagingSettings } from './messaging-settings';
import { MESSAGING_SETTINGS } from './messaging.tokens';
import { OutboxRelayService } from './outbox-relay.service';

/** Gives a service its outbox writer and runs its relay. The consumer side is the transport (see `createReliableKafkaServer`). */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(settings: MessagingSettings): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_SETTINGS, useValue: settings },
        { provide: Outbox, useValue: new Outbox(settings.schema, settings.serviceName) },
        OutboxRelayService,
      ],
      exports: [MESSAGING_SETTINGS, Outbox, OutboxRelayService],
    };
  }
}
