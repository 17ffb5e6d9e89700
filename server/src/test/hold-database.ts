/** Test helper process: opens the embedded database in argv[2], prints `open`, stays until killed. */
import { openDatabase } from '../platform/db/index.js';

const database = await openDatabase({ dataDir: process.argv[2] });
await database.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
console.log('open');
setInterval(() => {}, 60_000);
