import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DATA_REQUEST_KINDS, type DataRequestKind } from '@candor/contracts';
import { DATA_REQUEST_STATUSES, type DataRequest, type DataRequestStatus } from '../data-request.entity';

export class DataRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Pseudonymous id of the data subject' }) subjectId: string;
  @ApiProperty({ enum: DATA_REQUEST_KINDS }) kind: DataRequestKind;
  @ApiProperty() channel: string;
  @ApiProperty({ nullable: true, type: String }) conversationId: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceMessageId: string | null;
  @ApiProperty({ enum: DATA_REQUEST_STATUSES }) status: DataRequestStatus;
  @ApiProperty() receivedAt: string;

  static of(request: DataRequest): DataRequestView {
    return {
      id: request.id,
      subjectId: request.subjectId,
      kind: request.kind,
      channel: request.channel,
      conversationId: request.conversationId,
      evidenceMessageId: request.evidenceMessageId,
      status: request.status,
      receivedAt: request.receivedAt.toISOString(),
    };
  }
}

export class ListDataRequestsQuery {
  @ApiPropertyOptional({ enum: DATA_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(DATA_REQUEST_STATUSES)
  status?: DataRequestStatus;
}
