import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Mattermost's refusal text, word for word (server/public/shared/httpservice/client.go). */
export const ADDRESS_FORBIDDEN =
  'address forbidden, you may need to set AllowedUntrustedInternalConnections to allow an integration access to your internal network';

// Reserved ranges Mattermost will not dial unless allowed: loopback, private, link-local,
// CGNAT, multicast, unique-local, documentation, "this network" and broadcast.
const RESERVED: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
];

const reserved = new BlockList();
for (const [net, prefix, type] of RESERVED) reserved.addSubnet(net, prefix, type);

const family = (ip: string) => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');
const unmapped = (ip: string) => ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

function ownAddresses(): Set<string> {
  const own = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const entry of list ?? []) own.add(entry.address);
  return own;
}

/** The setting's entries: split on whitespace and commas. */
export function allowedEntries(setting: string): string[] {
  return setting.split(/[\s,]+/).filter(Boolean);
}

/** Whether the URL's host string is listed as is (Mattermost compares it literally). */
export function hostListed(host: string, setting: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return allowedEntries(setting).some((entry) => entry === host || entry === bare);
}

/**
 * Whether Mattermost would refuse to dial `ip`: a reserved or own address that no CIDR entry of
 * the setting covers. Plain IP entries do not count here, only literal host matches do.
 */
export function isForbiddenAddress(rawIp: string, setting: string): boolean {
  const ip = unmapped(rawIp);
  if (!reserved.check(ip, family(ip)) && !ownAddresses().has(ip)) return false;
  const allowed = new BlockList();
  for (const entry of allowedEntries(setting)) {
    const [net, prefix] = entry.split('/');
    if (prefix === undefined || !isIP(net!)) continue;
    const bits = Number(prefix);
    if (!Number.isInteger(bits)) continue;
    try {
      allowed.addSubnet(net!, bits, family(net!));
    } catch {
      // A malformed entry allows nothing, as in Mattermost.
    }
  }
  return !allowed.check(ip, family(ip));
}
