// Which of its platform's servers a new site goes to. Rendezvous hashing: each
// site picks the server with the highest hash of (site, server), so placement
// is deterministic, spreads sites evenly, and adding a server to a platform
// moves no existing site (recorded sites stay where they are anyway).

export function placeSite(site: string, servers: readonly string[]): string {
  let best = servers[0]!;
  let bestScore = -1;
  for (const server of servers) {
    const score = fnv1a(`${site}\0${server}`);
    if (score > bestScore || (score === bestScore && server < best)) {
      best = server;
      bestScore = score;
    }
  }
  return best;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche so that similar names do not score alike.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
