import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

interface LintMessage {
  ruleId: string | null;
  severity: number;
}

/** Lints `source` as if it were the file `path` of the workspace, with the workspace's own ESLint configuration. */
async function lint(path: string, source: string): Promise<LintMessage[]> {
  const eslint = resolve(ROOT, 'node_modules/.bin/eslint');
  // The module-boundary rule is not under test here, and without Nx's project graph (a fresh clone) it only warns.
  const args = [
    ...['--stdin', '--stdin-filename', path, '--format', 'json', '--no-warn-ignored'],
    ...['--rule', JSON.stringify({ '@nx/enforce-module-boundaries': 'off' })],
  ];
  // ESLint exits 1 when it reports errors: the report on stdout is what counts.
  const stdout = await new Promise<string>((done, fail) => {
    const child = execFile(eslint, args, { cwd: ROOT, maxBuffer: 10 * 1024 * 1024 }, (error, output) =>
      output ? done(output) : fail(error ?? new Error('ESLint printed nothing')),
    );
    child.stdin?.end(source);
  });
  const [result] = JSON.parse(stdout) as { messages: LintMessage[] }[];
  return result.messages.filter((message) => message.severity === 2);
}

const rulesOf = (messages: LintMessage[]) => messages.map((message) => message.ruleId).sort();

/** The ESLint rules that keep TypeORM and SQL out of controllers and Kafka handlers fire, and only where meant. */
describe('persistence boundary: controllers and handlers leave the database to repositories', () => {
  it('refuses a controller that imports TypeORM', async () => {
    const source = [
      "import { Controller, Get } from '@nestjs/common';",
      "import { InjectDataSource } from '@nestjs/typeorm';",
      "import type { DataSource } from 'typeorm';",
      '',
      "@Controller('v1/things')",
      'export class ThingsController {',
      '  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}',
      '',
      '  @Get()',
      '  list(): Promise<unknown[]> {',
      "    return this.dataSource.query('SELECT * FROM handoff.things');",
      '  }',
      '}',
      '',
    ].join('\n');
    expect(rulesOf(await lint('apps/handoff/src/things/things.controller.ts', source))).toEqual([
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-syntax',
    ]);
  });

  it("refuses SQL in a Kafka handler, even through the event context's manager", async () => {
    const source = [
      "import { Controller } from '@nestjs/common';",
      "import { Ctx, EventPattern } from '@nestjs/microservices';",
      "import type { EventContext } from '@candor/messaging';",
      '',
      '@Controller()',
      'export class ThingsHandler {',
      "  @EventPattern('things')",
      '  async onThing(@Ctx() context: EventContext): Promise<void> {',
      "    await context.manager.query('DELETE FROM handoff.things');",
      '  }',
      '}',
      '',
    ].join('\n');
    expect(rulesOf(await lint('apps/handoff/src/things/things.handler.ts', source))).toEqual(['no-restricted-syntax']);
  });

  it('lets a repository hold the same code, and a controller call it', async () => {
    const repository = [
      "import { Injectable } from '@nestjs/common';",
      "import type { EntityManager } from 'typeorm';",
      '',
      '@Injectable()',
      'export class ThingsRepository {',
      '  async deleteTenant(manager: EntityManager, tenantId: string): Promise<void> {',
      "    await manager.query('DELETE FROM handoff.things WHERE tenant_id = $1', [tenantId]);",
      '  }',
      '}',
      '',
    ].join('\n');
    expect(await lint('apps/handoff/src/things/things.repository.ts', repository)).toEqual([]);
  });
});
