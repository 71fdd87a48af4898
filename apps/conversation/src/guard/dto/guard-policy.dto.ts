import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { SENSITIVE_CATEGORIES } from '@candor/privacy';
import { GUARD_ACTIONS, type GuardAction, type GuardPolicy } from '../guard-policy';

/** One optional action per category (null: back to the default); an unknown category is rejected like any unknown field. */
export class GuardActionsDto {
  [category: string]: GuardAction | null | undefined;
}
for (const category of SENSITIVE_CATEGORIES) {
  ApiPropertyOptional({ enum: GUARD_ACTIONS, nullable: true })(GuardActionsDto.prototype, category);
  IsOptional()(GuardActionsDto.prototype, category);
  IsIn(GUARD_ACTIONS, { message: `${category} must be one of ${GUARD_ACTIONS.join(', ')}` })(
    GuardActionsDto.prototype,
    category,
  );
}

export class UpdateGuardPolicyDto {
  @ApiProperty({
    type: GuardActionsDto,
    description: 'Categories to change (null puts one back to its default); the others keep their action',
    example: { health: 'block', email: 'redact' },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => GuardActionsDto)
  actions: GuardActionsDto;
}

/** The action of every category. */
export class GuardPolicyActionsView {
  [category: string]: GuardAction;
}
for (const category of SENSITIVE_CATEGORIES) {
  ApiProperty({ enum: GUARD_ACTIONS })(GuardPolicyActionsView.prototype, category);
}

export class GuardPolicyView {
  @ApiProperty({
    type: GuardPolicyActionsView,
    description: 'The action for every category: allow, redact (cut out before storage) or block (withhold)',
    example: { health: 'redact', email: 'allow' },
  })
  actions: GuardPolicy;
}
