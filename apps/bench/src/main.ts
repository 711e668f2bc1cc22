// Benchmark entry point (see docs/performance.md).
process.stdout.write('benchmark not yet implemented\n');
