import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInteger } from '@candor/platform';

const MAX_INDEX = Number.MAX_SAFE_INTEGER;

export class LeafIndexParam {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_INDEX })
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(MAX_INDEX)
  leafIndex: number;
}

export class TreeSizeQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_INDEX,
    description: 'A signed head of this size (default: the latest)',
  })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_INDEX)
  treeSize?: number;
}

export class ConsistencyQuery {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_INDEX, description: 'Size of the older signed head' })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_INDEX)
  from: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_INDEX,
    description: 'Size of the newer signed head (default: the latest)',
  })
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_INDEX)
  to?: number;
}
