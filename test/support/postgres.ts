/**
 * A real PostgreSQL for the tests (postgres-server.ts), started once per run by the vitest
 * globalSetup below and stopped at the end. Each test file gets a database of its own (freshDatabase). Without PostgreSQL the tests that
 * need it are skipped with one line saying so (postgresTests).
 *
 *   const pg = postgresTests();            // in a test file
 *   describe.skipIf(!pg.available)('…', () => { const url = await pg.freshDatabase(); … });
 */
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { createDatabase, startPostgres, type RunningPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's admin URL, or why there is none. */
    postgres: { url: string } | { unavailable: string };
  }
}

/** vitest globalSetup: one server for the whole run, its URL provided to every test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let running: RunningPostgres | undefined;
  try {
    running = await startPostgres();
    project.provide('postgres', { url: running.url });
  } catch (error) {
    project.provide('postgres', { unavailable: (error as Error).message });
  }
  return async () => {
    await running?.stop();
  };
}

let announced = false;

/** What a test file needs from the shared server: whether there is one, and its own database. */
export function postgresTests(): { available: boolean; freshDatabase(): Promise<string> } {
  const provided = inject('postgres');
  if ('unavailable' in provided && !announced) {
    announced = true;
    console.log(`PostgreSQL tests skipped: they need PostgreSQL installed (${provided.unavailable})`);
  }
  return {
    available: 'url' in provided,
    async freshDatabase() {
      if (!('url' in provided)) throw new Error(provided.unavailable);
      return createDatabase(provided.url);
    },
  };
}
