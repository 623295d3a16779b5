/**
 * The accounts and logout tables (migration 4) on their own connection to the schedule's
 * database, so the server and the `users` CLI (another process) share one source of truth. Plain
 * SQL only, so a PostgreSQL store can carry the same tables.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Role } from '../../shared/staff.ts';
import { PasswordRecordSchema, type PasswordRecord } from './password.ts';

export interface AccountRecord {
  username: string;
  displayName: string;
  role: Role;
  emergency: boolean;
  password: PasswordRecord | null;
  mustChangePassword: boolean;
  disabled: boolean;
  sessionEpoch: number;
  ssoSubject: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

interface AccountRow {
  username: string;
  display_name: string;
  role: Role;
  emergency: number;
  password: string | null;
  must_change_password: number;
  disabled: number;
  session_epoch: number;
  sso_subject: string | null;
  created_at: string;
  last_login_at: string | null;
}

function fromRow(row: AccountRow): AccountRecord {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    emergency: row.emergency === 1,
    password: row.password === null ? null : PasswordRecordSchema.parse(JSON.parse(row.password)),
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    sessionEpoch: row.session_epoch,
    ssoSubject: row.sso_subject,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export interface QueuedAudit {
  id: number;
  actor: string;
  actor_name: string;
  operation: string;
  summary: string;
}

const RevokedFileSchema = z.record(z.string(), z.number());

export class AccountStore {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      get: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE username = ?'),
      // Usernames are unique without regard to case: "Ann" and "ann" are one person.
      getFolded: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE lower(username) = lower(?)'),
      bySubject: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE sso_subject = ?'),
      list: db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY username'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts'),
      insert: db.prepare(
        `INSERT INTO accounts (username, display_name, role, emergency, password, must_change_password, sso_subject, created_at)
         VALUES (@username, @displayName, @role, @emergency, @password, @mustChangePassword, @ssoSubject, @createdAt)`,
      ),
      update: db.prepare(
        `UPDATE accounts SET display_name = @displayName, role = @role, emergency = @emergency, password = @password,
           must_change_password = @mustChangePassword, disabled = @disabled, session_epoch = @sessionEpoch,
           sso_subject = @ssoSubject
         WHERE username = @username`,
      ),
      touchLogin: db.prepare('UPDATE accounts SET last_login_at = ? WHERE username = ?'),
      language: db.prepare<[string], { language: string | null }>('SELECT language FROM accounts WHERE username = ?'),
      setLanguage: db.prepare('UPDATE accounts SET language = ? WHERE username = ?'),
      isRevoked: db.prepare<[string], { sid: string }>('SELECT sid FROM revoked_sessions WHERE sid = ?'),
      revoke: db.prepare('INSERT INTO revoked_sessions (sid, expires_at) VALUES (?, ?) ON CONFLICT (sid) DO NOTHING'),
      queueAudit: db.prepare('INSERT INTO account_audit (actor, actor_name, operation, summary) VALUES (?, ?, ?, ?)'),
      queuedAudit: db.prepare<[], QueuedAudit>('SELECT * FROM account_audit ORDER BY id'),
      dropAudit: db.prepare('DELETE FROM account_audit WHERE id = ?'),
      pruneRevoked: db.prepare('DELETE FROM revoked_sessions WHERE expires_at <= ?'),
    };
  }

  get(username: string): AccountRecord | undefined {
    const row = this.statements.get.get(username) ?? this.statements.getFolded.get(username);
    return row && fromRow(row);
  }

  bySubject(subject: string): AccountRecord | undefined {
    const row = this.statements.bySubject.get(subject);
    return row && fromRow(row);
  }

  list(): AccountRecord[] {
    return this.statements.list.all().map(fromRow);
  }

  count(): number {
    return this.statements.count.get()!.n;
  }

  insert(account: AccountRecord): void {
    this.statements.insert.run(this.params(account));
  }

  update(account: AccountRecord): void {
    this.statements.update.run(this.params(account));
  }

  touchLogin(username: string, at: string): void {
    this.statements.touchLogin.run(at, username);
  }

  /** The panel language the person chose, null when they never chose one (migration 12). */
  language(username: string): string | null {
    return this.statements.language.get(username)?.language ?? null;
  }

  setLanguage(username: string, language: string): void {
    this.statements.setLanguage.run(language, username);
  }

  isRevoked(sid: string): boolean {
    return this.statements.isRevoked.get(sid) !== undefined;
  }

  /** Durable before it returns (the database runs synchronous = FULL). */
  revoke(sid: string, expiresAt: number, now: number): void {
    this.db
      .transaction(() => {
        this.statements.pruneRevoked.run(now);
        this.statements.revoke.run(sid, expiresAt);
      })
      .immediate();
  }

  /** Moves the pre-accounts revoked-sessions.json into the table; false when the file is damaged. */
  importRevokedFile(content: string, now: number): boolean {
    let parsed;
    try {
      parsed = RevokedFileSchema.parse(JSON.parse(content));
    } catch {
      return false;
    }
    this.db
      .transaction(() => {
        for (const [sid, exp] of Object.entries(parsed)) if (exp > now) this.statements.revoke.run(sid, exp);
      })
      .immediate();
    return true;
  }

  queueAudit(actor: string, actorName: string, operation: string, summary: string): void {
    this.statements.queueAudit.run(actor, actorName, operation, summary);
  }

  /** Hands each queued CLI change to `record`, deleting it once recorded. */
  async drainAudit(record: (entry: QueuedAudit) => void | Promise<unknown>): Promise<void> {
    for (const entry of this.statements.queuedAudit.all()) {
      await record(entry);
      this.statements.dropAudit.run(entry.id);
    }
  }

  /** Runs fn in one write transaction (e.g. check-then-insert of a new username). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Changes whenever another connection commits: how the server notices the CLI's changes. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  close(): void {
    this.db.close();
  }

  private params(account: AccountRecord) {
    return {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      emergency: account.emergency ? 1 : 0,
      password: account.password === null ? null : JSON.stringify(account.password),
      mustChangePassword: account.mustChangePassword ? 1 : 0,
      disabled: account.disabled ? 1 : 0,
      sessionEpoch: account.sessionEpoch,
      ssoSubject: account.ssoSubject,
      createdAt: account.createdAt,
    };
  }
}
