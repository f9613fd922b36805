// A node:test reporter for `cargo xtask test`: one JSON line per top-level
// test (its name, duration and outcome), so the command can print the ten
// slowest tests of the whole suite and order the next run's files.
export default async function* timings(source) {
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0) {
      const ms = event.data.details?.duration_ms ?? 0;
      yield `${JSON.stringify({ name: event.data.name, ms, ok: event.type === 'test:pass' })}\n`;
    }
  }
}
