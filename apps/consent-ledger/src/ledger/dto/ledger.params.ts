import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const MAX_INDEX = Number.MAX_SAFE_INTEGER;

export class LeafIndexParam {
  @ApiProperty({ minimum: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INDEX)
  leafIndex: number;
}

export class TreeSizeQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'A signed head of this size (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INDEX)
  treeSize?: number;
}

export class ConsistencyQuery {
  @ApiProperty({ minimum: 1, description: 'Size of the older signed head' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INDEX)
  from: number;

  @ApiPropertyOptional({ minimum: 1, description: 'Size of the newer signed head (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INDEX)
  to?: number;
}
