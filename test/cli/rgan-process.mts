// Runs the rgan CLI from source in its own process (for tests that kill it): node --import tsx.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
