/**
 * Owns one embedded Postgres for the fault suite, outside jest (whose module loader cannot
 * load the platform binary package): starts it on the given data directory and port,
 * prints "POSTGRES READY <owner url> <app role url>", and on SIGTERM stops it (fast shutdown) and exits.
 * Usage: node postgres-host.js <dataDir> <port>
 */
const path = require('node:path');
const { startEmbeddedPostgres } = require(path.join(__dirname, '..', '..', '..', 'dist', 'src', 'database', 'embedded-postgres.js'));

const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres(dataDir, Number(port)).then(
  (handle) => {
    process.stdout.write(`POSTGRES READY ${handle.ownerUrl} ${handle.url}\n`);
    const stop = () => handle.stop().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // The suite died without stopping us (our stdin closed): do not leave a postmaster behind.
    process.stdin.once('end', stop);
    process.stdin.resume();
  },
  (error) => {
    process.stderr.write(`postgres did not start: ${error.message}\n`);
    process.exit(1);
  },
);
