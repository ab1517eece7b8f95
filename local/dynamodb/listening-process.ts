import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The state Linux gives a listening TCP socket in /proc/net/tcp. */
const LISTEN = '0A';

/**
 * Whether process `pid` holds the socket that listens on TCP `port`, read from Linux's /proc;
 * undefined where /proc cannot tell (another OS). A server answering on a port proves nothing
 * about which process answered: another DynamoDB Local may have bound it first.
 */
export function isListeningOn(pid: number, port: number): boolean | undefined {
  const inodes = listeningSocketInodes(port);
  if (inodes === undefined) return undefined;
  let descriptors: string[];
  try {
    descriptors = readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    // Ended: it serves nothing. Not ours to inspect (a java binary with file capabilities): unknown.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? false : undefined;
  }
  return descriptors.some((fd) => {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      return inodes.has(target.replace(/^socket:\[(\d+)\]$/, '$1'));
    } catch {
      return false; // closed while we looked
    }
  });
}

function listeningSocketInodes(port: number): Set<string> | undefined {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => {
    try {
      return [readFileSync(file, 'utf8')];
    } catch {
      return [];
    }
  });
  if (tables.length === 0) return undefined;
  const inodes = new Set<string>();
  for (const line of tables.flatMap((table) => table.split('\n').slice(1))) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const fields = line.trim().split(/\s+/);
    const [localAddress, state, inode] = [fields[1], fields[3], fields[9]];
    if (!localAddress || state !== LISTEN || !inode) continue;
    if (Number.parseInt(localAddress.split(':').at(-1) ?? '', 16) === port) inodes.add(inode);
  }
  return inodes;
}
