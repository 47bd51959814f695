// Turns the ITEM argument into an id: id, unique id prefix (4+ characters) or exact title.
// The rule lives in the core (api-keys/secret-source.ts) because the desktop app applies it too
// when it answers a CLI's references.
export { resolveItemRef as resolveItem } from '../core/api-keys/secret-source';
