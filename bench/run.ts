/** `npm run bench`: every benchmark, figures only (no assertions). Run from the project root. */
import { benchScreening } from './screening.bench';

function main(): void {
  console.log('== screening engine ==');
  benchScreening();
}

main();
