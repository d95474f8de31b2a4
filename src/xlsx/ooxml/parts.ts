/** Part names inside a package: the folder of a part, and a relationship target resolved against it. */

export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** A relationship target → part name (no leading slash), resolving `..` and absolute targets. */
export function resolveTarget(base: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : dirOf(base) + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  const joined = out.join('/');
  try {
    return decodeURI(joined);
  } catch {
    // A malformed %-escape (`sheet%E4%1.xml`): the target as written, which names no part.
    return joined;
  }
}
