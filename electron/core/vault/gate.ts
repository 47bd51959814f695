// How a capability (vault.items, vault.activity, ...) reaches the unlocked session. Each call
// goes through the gate, so a capability object kept from before a lock fails with `locked`
// like any other call, and none of them holds a key of its own.

export interface Gate<S> {
  /** The session for a read: `locked` when there is none; the item index is current. */
  read(): S;
  /** The session for a change: as read, and `busy` while an import holds the write lock. */
  write(): S;
}
