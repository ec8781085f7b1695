// Generated scenarios for the scale benchmark: n derived figures, in two shapes.
//  chain:  x_i = x_{i-1} * 1.0001 + a            (one long dependency chain)
//  fanin:  every 10th figure is the mean of up to 99 earlier figures (a wide
//          fan-in of 100 terms: 99 names and the division); the others chain.
// The text is built here and written to a temp folder by the caller, never
// into the repository.

/** @param {'chain' | 'fanin'} shape @param {number} n */
export function generateScenario(shape, n) {
  const lines = [`name: ${shape}-${n}`, 'assumptions:', '  a: 1', '  x0: 1', 'derived:'];
  for (let i = 1; i <= n; i++) {
    if (shape === 'fanin' && i % 10 === 0) {
      const width = Math.min(99, i);
      const terms = [];
      for (let k = 1; k <= width; k++) terms.push(`x${i - k}`);
      lines.push(`  x${i}: (${terms.join('+')})/${width}`);
    } else {
      lines.push(`  x${i}: x${i - 1}*1.0001+a`);
    }
  }
  return `${lines.join('\n')}\n`;
}
