import { Module } from '@nestjs/common';
import { ConversationsRepository } from './conversations.repository';
import { Transcript } from './transcript';

/** The conversations and their transcripts, as stored: for the visitor path and for off-boarding alike. */
@Module({ providers: [ConversationsRepository, Transcript], exports: [ConversationsRepository, Transcript] })
export class ConversationStoreModule {}
