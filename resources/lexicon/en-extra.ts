/**
 * English words the VADER and AFINN lexicons lack or rate for other contexts, mostly
 * customer-service and public-service vocabulary. Written for this project; valence on VADER's
 * scale (-4 … +4). Wins over VADER and AFINN.
 */
const TEXT = `
  slow:-1.2 slower:-1.2 delayed:-1.5 delay:-1.2 delays:-1.2 outage:-2 outages:-2 cancelled:-1.2 canceled:-1.2
  late:-0.8 stuck:-1.5 unreachable:-1.8 unhelpful:-2 unresponsive:-1.8 overcharged:-2.2 refund:-0.5 glitch:-1.5
  glitchy:-1.8 buggy:-1.8 laggy:-1.5 lag:-1 crashed:-2 crashes:-1.8 crashing:-2 faulty:-2 defective:-2.2 tepid:-1.2
  mediocre:-1.5 bland:-1.2 overpriced:-2 pricey:-0.8 dull:-1.5 tedious:-1.8 predictable:-0.8 pointless:-2 lackluster:-1.8
  forgettable:-1.5 uninspired:-1.8 unwatchable:-2.8 bloated:-1.2 clumsy:-1.5 contrived:-1.5 derivative:-1
  helpful:2 responsive:1.5 reliable:1.8 smooth:1.2 seamless:1.8 prompt:1 speedy:1.5 fixed:1 resolved:1.5 engaging:2
  gripping:2 riveting:2.2 heartfelt:2 moving:1.2 touching:1.8 masterful:2.8 masterpiece:3 superbly:2.8 enjoyable:2.2
`;

export const EN_EXTRA: ReadonlyMap<string, number> = new Map(
  TEXT.trim()
    .split(/\s+/)
    .map((pair) => {
      const at = pair.lastIndexOf(':');
      return [pair.slice(0, at), Number(pair.slice(at + 1))] as [string, number];
    }),
);
