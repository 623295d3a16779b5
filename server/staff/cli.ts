/**
 * `npm run -s users -- add NAME --role viewer|editor|admin [--emergency] [--display-name TEXT]
 * [--password-stdin]`, `list`, `disable NAME`, `enable NAME`, `role NAME --role R [--emergency|--no-emergency]`,
 * `reset NAME`, on `--data-dir DIR` / SIGNAGE_DATA_DIR, or on a cluster's `--database postgres://…`
 * / DATABASE_URL. Safe while the servers run: it writes the same database, and the servers end the
 * sessions concerned and journal the change within a second. Every problem is one line on stderr
 * and exit code 2; nothing is written then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openAccountStore } from './staff-auth.ts';
import { AppError } from '../platform/errors.ts';
import { DATABASE_FILE } from '../schedule/store/sqlite-store.ts';
import { Accounts } from './accounts.ts';
import type { AccountStore } from './account-store.ts';
import { openPostgresAccountStore } from './postgres-account-store.ts';
import { openPostgres } from '../platform/postgres/database.ts';
import { isPostgresUrl } from '../platform/postgres/url.ts';
import { firstLine } from '../platform/first-line.ts';

const USAGE =
  'usage: users [--data-dir DIR | --database postgres://…] add NAME --role viewer|editor|admin [--emergency] [--password-stdin] | list | disable NAME | enable NAME | role NAME --role R | reset NAME';

class UsageError extends Error {}

function need(name: string | undefined, command: string): string {
  if (!name) throw new UsageError(`${command} needs a username (${USAGE})`);
  return name;
}

export async function runUsersCli(argv: string[], env: NodeJS.ProcessEnv, stdin: () => string): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        database: { type: 'string' },
        role: { type: 'string' },
        emergency: { type: 'boolean' },
        'no-emergency': { type: 'boolean' },
        'display-name': { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n').join(' '));
  }
  const { values, positionals } = parsed;
  const [command, username, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" (${USAGE})`);
  const { store, close } = await openStore(values, env);
  // The server turns these into journal entries (the CLI must not write the journal under it).
  const operator = userInfo().username;
  const accounts = new Accounts(store, (operation, summary) =>
    store.queueAudit(`cli:${operator}`, `${operator} (command line)`, operation, summary),
  );
  const actor = { name: `cli:${operator}` };
  try {
    switch (command) {
      case 'list':
        return (await accounts.list())
          .map(
            (a) =>
              `${a.username.padEnd(20)} ${a.role.padEnd(7)} ${a.emergency ? 'emergency ' : ''}${a.disabled ? 'DISABLED ' : ''}${a.displayName}`,
          )
          .join('\n');
      case 'add': {
        const name = need(username, 'add');
        if (!values.role) throw new UsageError('add needs --role viewer|editor|admin');
        const password = values['password-stdin'] ? stdin().replace(/\r?\n$/, '') : undefined;
        const result = await accounts.add(
          {
            username: name,
            role: values.role,
            emergency: values.emergency,
            displayName: values['display-name'],
            password,
          },
          actor,
        );
        return result.oneTimePassword
          ? `added ${name}; one-time password (shown only now): ${result.oneTimePassword}`
          : `added ${name}`;
      }
      case 'disable':
      case 'enable':
        await accounts.change({ username: need(username, command), disabled: command === 'disable' }, actor);
        return `${command}d ${username}`;
      case 'role': {
        const emergency = values.emergency ? true : values['no-emergency'] ? false : undefined;
        const account = await accounts.change(
          { username: need(username, 'role'), role: values.role, emergency },
          actor,
        );
        return `${account.username} is now ${account.role}${account.emergency ? ' with emergency rights' : ''}`;
      }
      case 'reset':
        return `new one-time password for ${username} (shown only now): ${await accounts.reset(need(username, 'reset'), actor)}`;
      default:
        throw new UsageError(command ? `unknown command "${command}" (${USAGE})` : USAGE);
    }
  } finally {
    await close();
  }
}

/** The accounts the options name: a cluster's PostgreSQL (--database, DATABASE_URL) or a data directory. */
async function openStore(
  values: { 'data-dir'?: string | undefined; database?: string | undefined },
  env: NodeJS.ProcessEnv,
): Promise<{ store: AccountStore; close(): Promise<void> }> {
  const url = values['data-dir'] === undefined ? (values.database ?? (env.DATABASE_URL || undefined)) : undefined;
  if (values.database !== undefined && values['data-dir'] !== undefined)
    throw new UsageError('give --data-dir or --database, not both');
  if (url === undefined) {
    const dataDir = resolve(values['data-dir'] ?? env.SIGNAGE_DATA_DIR ?? './data');
    if (!existsSync(join(dataDir, DATABASE_FILE)))
      throw new UsageError(`no signage database in ${dataDir} (start the server once, or pass --data-dir)`);
    const store = openAccountStore(dataDir);
    return { store, close: () => store.close() };
  }
  const name = values.database !== undefined ? '--database' : 'DATABASE_URL';
  // The URL may carry a password: say what is wrong without echoing it.
  if (!isPostgresUrl(url))
    throw new UsageError(`${name} must be a PostgreSQL URL such as postgres://USER@HOST:5432/DB`);
  let pool;
  try {
    pool = await openPostgres(url);
  } catch (error) {
    throw new UsageError(`cannot open the database of ${name}: ${firstLine(error)}`);
  }
  const store = openPostgresAccountStore(pool, url);
  return {
    store,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

async function main(): Promise<void> {
  try {
    const output = await runUsersCli(process.argv.slice(2), process.env, () => readFileSync(0, 'utf8'));
    if (output) process.stdout.write(output + '\n');
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppError) {
      process.stderr.write(`users: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
