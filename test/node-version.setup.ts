// Vitest's global set-up: the suite loads better-sqlite3 13 (Node-API 10), which crashes an older
// Node without a word; say which Node runs and which one is needed instead.
export default function checkNode(): void {
  if (!(Number(process.versions.napi) >= 10)) {
    throw new Error(
      `Node.js ${process.versions.node} is too old for Mockmost's tests (Node-API ${process.versions.napi}); they need Node.js 22.14 or newer (Node-API 10), Node.js 24 LTS recommended.`,
    );
  }
}
