/**
 * Who is asking: the client's network address, for the login limits (HTTP) and the display caps
 * (socket.io), by one rule. Behind `--trust-proxy` the address is taken from X-Forwarded-For, but
 * only across hops that are configured proxies: a client reaching the port directly cannot pick
 * its own address by sending the header, and every client behind the proxy is not one address.
 * proxy-addr is the library Express itself uses for req.ip, so both tiers agree to the letter.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** `--trust-proxy` as the app takes it: off, on (= a proxy on this machine), or the proxies' addresses/CIDRs. */
export function trustedProxies(setting: boolean | string[] | undefined): false | string[] {
  if (setting === undefined || setting === false) return false;
  return setting === true ? ['loopback'] : setting;
}

export interface ClientAddressRule {
  /** For Express's 'trust proxy' setting, so req.ip, req.secure and req.protocol follow the same rule. */
  trust: (address: string, hop: number) => boolean;
  /** The client's address of an HTTP request or a socket.io handshake (socket.request). */
  of(request: IncomingMessage): string;
}

export function clientAddressRule(setting: boolean | string[] | undefined): ClientAddressRule {
  const proxies = trustedProxies(setting);
  const trust = proxies === false ? () => false : proxyaddr.compile(proxies);
  return { trust, of: (request) => proxyaddr(request, trust) };
}
