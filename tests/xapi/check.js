// Validates xAPI statements (a JSON array file) with Learning Locker's conformance-tested validator; exit 1 if any is invalid.
const validate = require('@learninglocker/xapi-validation').default;
const statements = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
let bad = 0;
for (const s of statements) {
  const warnings = validate(s);
  if (warnings.length) { bad++; console.log(JSON.stringify(warnings.map(w => ({path: w.path, msg: w.message || w.constructor.name})))); }
}
console.log(`${statements.length} statements, ${bad} invalid`);
process.exit(bad ? 1 : 0);
