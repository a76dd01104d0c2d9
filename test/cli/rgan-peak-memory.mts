// Runs the rgan CLI from source in its own process, then prints its peak resident memory in MB
// as the last line of stdout (for tests that check memory stays bounded).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
process.stdout.write(`peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
