/** The URL forms node-postgres takes for a node's database; config.ts refuses anything else at boot. */
export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** Where the data is, for the banner and the log: host and database, never the password. */
export function describePostgresUrl(value: string): string {
  const url = new URL(value);
  return `PostgreSQL database ${decodeURIComponent(url.pathname.slice(1))} on ${url.host}`;
}
